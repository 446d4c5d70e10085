package org.slowpoetry.clients.loom;

import java.util.Set;

/**
 * The Loom version of client 3.1 ({@code get --style errbacks-loom}; the reactor's is
 * {@code errbacks}, {@link org.slowpoetry.clients.reactor.callbacks.ErrbackClient}): a virtual
 * thread per poem, each making one blocking call. Client 3.1 needs a second code path for errors,
 * an errback, because an asynchronous error cannot be thrown to the caller; a blocking call throws
 * it, and the errback is an ordinary {@code catch} ({@link PoemsWhenAllDone}):
 *
 * {@snippet :
 * try {
 *     poems.add(BlockingFetch.fetch(address, settings, chunk -> task.received(chunk.length)));   // got_poem
 * } catch (FetchException e) {
 *     lines.poemFailed(e.failure());   // poem_failed: Poem failed: failed to connect to ...: Connection refused
 * }
 * }
 *
 * <p>It prints what {@code errbacks} prints: {@code Poem failed: <why>} on stderr as soon as a
 * poem fails, and the poems on stdout once all are done, in the order they completed.
 *
 * <p><b>Threading:</b> stateless; {@link #fetch} owns the scope: when it returns or throws, every
 * task's thread has ended and its socket is closed. An interrupt cancels every task, and
 * {@code fetch} throws {@link InterruptedException}.
 */
public final class LoomErrbackClient extends ReactorClientTwin {

    public LoomErrbackClient() {
        super("errbacks", "client 3.1 as blocking code, a virtual thread per poem: the errback is a catch"
                + " (Parts 6 and 20)", Set.of(), PoemsWhenAllDone.telling((lines, task, failure) -> lines.poemFailed(failure)));
    }
}
