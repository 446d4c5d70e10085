package org.slowpoetry.clients.reactor.callbacks;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slowpoetry.clients.reactor.PoemTask;
import org.slowpoetry.clients.reactor.PoetryClientFactory;

/**
 * Client 3.0's factory (Part 6): all it does with a poem is hand it to the callback it was given.
 * It no longer stops the reactor, so it can be used by any program that runs one.
 *
 * <p>The text's 3.0 leaves out {@code clientConnectionFailed}, and so waits forever for a server
 * that is not there. This one takes the text's own first fix: it calls the callback with null, "if
 * there is a failure". That ends the wait, and shows why the text goes on to 3.1: null says
 * <em>that</em> something went wrong, never <em>what</em>.
 *
 * <p><b>Threading:</b> the reactor calls it on its thread; so it calls the callback there.
 */
final class CallbackPoetryFactory extends PoetryClientFactory {
    private final Consumer<String> callback;

    CallbackPoetryFactory(PoemTask task, Consumer<String> callback) {
        super(task);
        this.callback = callback;
    }

    @Override
    protected void poemFinished(byte[] poem) {
        callback.accept(new String(poem, StandardCharsets.UTF_8));
    }

    @Override
    protected void poemFailed(Throwable reason) {
        callback.accept(null);
    }
}
