package org.slowpoetry.clients.reactor.callbacks;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slowpoetry.clients.reactor.PoemTask;
import org.slowpoetry.clients.reactor.PoetryClientFactory;
import org.slowpoetry.defer.Failure;

/**
 * Client 3.1's factory (Part 6): a callback for the poem and an errback for the failure, which
 * carries the reason as a {@link Failure} (the exception, and where it was raised). A refused
 * connect arrives here the way Part 6 describes: {@code clientConnectionFailed} "already receives a
 * Failure object ... we just pass that along to the errback."
 *
 * <p><b>Threading:</b> the reactor calls it on its thread; so it calls back there.
 */
final class ErrbackPoetryFactory extends PoetryClientFactory {
    private final Consumer<String> callback;
    private final Consumer<Failure> errback;

    ErrbackPoetryFactory(PoemTask task, Consumer<String> callback, Consumer<Failure> errback) {
        super(task);
        this.callback = callback;
        this.errback = errback;
    }

    @Override
    protected void poemFinished(byte[] poem) {
        callback.accept(new String(poem, StandardCharsets.UTF_8));
    }

    @Override
    protected void poemFailed(Throwable reason) {
        errback.accept(Failure.of(reason));
    }
}
