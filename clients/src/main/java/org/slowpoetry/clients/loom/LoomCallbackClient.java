package org.slowpoetry.clients.loom;

import java.util.Set;

/**
 * The Loom version of client 3.0 ({@code get --style callbacks-loom}; the reactor's is
 * {@code callbacks}, {@link org.slowpoetry.clients.reactor.callbacks.CallbackClient}): a virtual
 * thread per poem, each making one blocking call. Client 3.0 passes {@code getPoetry} a callback,
 * and the callback decides when the program is done; here the call returns the poem, and the
 * scope's {@code join()} is the moment all are in ({@link PoemsWhenAllDone}):
 *
 * {@snippet :
 * try {
 *     poems.add(BlockingFetch.fetch(address, settings, chunk -> task.received(chunk.length)));
 * } catch (FetchException e) {
 *     lines.noPoem(address);      // all the callback could be told: null
 * }
 * }
 *
 * <p>It prints what {@code callbacks} prints: the poems on stdout once all are done, in the order
 * they completed, and for a poem that did not come, on stderr, {@code No poem from 127.0.0.1:10004
 * (the callback was given null; client 3.0 cannot tell why)}. That line is client 3.0's, and only
 * client 3.0's: its callback was given null and knew nothing more. The exception caught here
 * carries why ({@code e.failure()}); a blocking call never has 3.0's problem, and
 * {@code errbacks-loom} prints the reason.
 *
 * <p><b>Threading:</b> stateless; {@link #fetch} owns the scope: when it returns or throws, every
 * task's thread has ended and its socket is closed. An interrupt cancels every task, and
 * {@code fetch} throws {@link InterruptedException}.
 */
public final class LoomCallbackClient extends ReactorClientTwin {

    public LoomCallbackClient() {
        super("callbacks", "client 3.0 as blocking code, a virtual thread per poem: the callback is the code after"
                + " the call (Parts 6 and 20)", Set.of(),
                PoemsWhenAllDone.telling((lines, task, failure) -> lines.noPoem(task.address())));
    }
}
