package org.slowpoetry.clients.loom;

import java.util.Set;
import org.slowpoetry.clients.PoetryLines;

/**
 * The Loom version of client 4.0 ({@code get --style deferred-loom}; the reactor's is
 * {@code deferred}, {@link org.slowpoetry.clients.reactor.deferred.DeferredClient}). What the
 * Deferred bought client 4.0 is a {@code getPoetry} that takes only the address and
 * <em>returns</em> something, to which the caller attaches its callback and errback. A blocking
 * call on a virtual thread has that already: it returns the poem itself, or throws why there is
 * none. The callback is the code after the call, the errback a {@code catch}, and
 * {@code addBoth(poem_done)} the scope's {@code join()}:
 *
 * {@snippet :
 * try {
 *     byte[] poem = BlockingFetch.fetch(address, settings, chunk -> task.received(chunk.length));  // the Deferred's value
 *     poems.add(poem);
 * } catch (FetchException e) {
 *     lines.poemFailed(e.failure());
 * }
 * }
 *
 * <p>So on virtual threads clients 3.1 and 4.0 are one program: this style runs what
 * {@code errbacks-loom} runs ({@link PoemsWhenAllDone}, telling a failure with
 * {@link PoetryLines#poemFailed}), and is here so that every reactor client has its twin. It
 * prints what {@code deferred} prints: {@code Poem failed: <why>} on stderr at once, and the poems
 * on stdout once all are done, in the order they completed. (What the Deferred adds beyond a
 * return value, cancellation, is the scope's: {@link InterruptedException} cancels every task.)
 *
 * <p><b>Threading:</b> stateless; {@link #fetch} owns the scope: when it returns or throws, every
 * task's thread has ended and its socket is closed. An interrupt cancels every task, and
 * {@code fetch} throws {@link InterruptedException}.
 */
public final class LoomDeferredClient extends ReactorClientTwin {

    public LoomDeferredClient() {
        super("deferred", "client 4.0 as blocking code, a virtual thread per poem: the Deferred is a return value"
                + " (Parts 8 and 20)", Set.of(),
                PoemsWhenAllDone.telling((lines, task, failure) -> lines.poemFailed(failure)));
    }
}
