package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;

/**
 * {@code defer-cancel-9-loom}, the twin of {@code defer-cancel-9} (Part 19): an operation that
 * takes half a second is a blocking call; it runs as a subtask, and {@code join()} hands back its
 * result ({@link Joiner#anySuccessfulResultOrThrow()}: with one subtask, its result). The scope's
 * timeout, a second, stands where the original's reactor-stopping timer does, for the sake of the
 * next two twins, whose timeouts cancel the call.
 *
 * <p>The delays are the original's (the poem after 0.5 s; the limit 1 s). The scope ends when the
 * poem comes; the original's reactor runs to its 1 s stop.
 *
 * <p><b>Threading:</b> the call runs on a virtual thread forked in the scope; {@code run} joins
 * and closes it before it returns.
 */
public final class DeferCancel9Loom extends LoomTwin {

    private static final Duration POEM_DELAY = Duration.ofMillis(500);
    private static final Duration LIMIT = Duration.ofMillis(1000);

    public DeferCancel9Loom() {
        super("defer-cancel-9", 19, "a poem half a second later, from a blocking call in a scope (0.5 s)");
    }

    /** Returns a poem half a second later: it blocks, parked, for that long. (defer-cancel-11-loom's too.) */
    static String getPoem(PrintStream out) throws InterruptedException {
        Thread.sleep(POEM_DELAY);
        out.println("Sending poem");
        return "Once upon a midnight dreary";
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        getPoemWithin(LIMIT, () -> getPoem(out), out);
    }

    /**
     * The original's {@code d.addCallbacks(got_poem, poem_error)} on {@code getPoem}, with a
     * cancel after {@code limit}: the call as a subtask of a scope with that timeout, its result
     * or failure printed by the owner. (defer-cancel-10-loom and -11-loom use it too.)
     */
    static void getPoemWithin(Duration limit, Callable<String> getPoem, PrintStream out) throws InterruptedException {
        try (var scope = StructuredTaskScope.open(Joiner.<String>anySuccessfulResultOrThrow(),
                config -> config.withTimeout(limit))) {
            scope.fork(getPoem);
            try {
                out.println("I got a poem: " + scope.join());
            } catch (StructuredTaskScope.FailedException | StructuredTaskScope.TimeoutException err) {
                out.println("get_poem failed: " + err); // at once: close() then waits for the subtask
            }
        }
    }
}
