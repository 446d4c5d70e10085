package org.slowpoetry.defer;

import org.slowpoetry.reactor.EventLoop;

/**
 * What an {@link InlineCallbacks} body awaits Deferreds with: the Java spelling of Twisted's
 * {@code result = yield deferred}.
 *
 * <p><b>Threading:</b> only the body's own thread may call {@link #await}; any other thread,
 * the loop thread above all, gets {@link WrongThreadException}.
 */
public final class Awaiter {
    private final InlineRun<?> run;

    Awaiter(InlineRun<?> run) {
        this.run = run;
    }

    /**
     * Waits for {@code deferred} and returns its result, or throws the exception it failed with
     * (the original exception: checked ones as they are, so a {@code catch} around the
     * {@code await} works as it would around a blocking call). If it already has a result this
     * returns at once. The Deferred's result is taken over: it is left with {@code null}.
     *
     * @throws WrongThreadException if called on any thread but this body's
     */
    public <X> X await(Deferred<? extends X> deferred) throws Exception {
        return run.await(deferred);
    }

    /** The loop this body belongs to. */
    public EventLoop loop() {
        return run.loop;
    }
}
