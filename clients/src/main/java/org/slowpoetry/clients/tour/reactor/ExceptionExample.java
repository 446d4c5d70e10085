package org.slowpoetry.clients.tour.reactor;

import java.io.IOException;
import java.io.PrintStream;
import org.slowpoetry.clients.tour.TourExample;
import org.slowpoetry.reactor.Reactor;

/**
 * Part 3's {@code exception.py}: one callback throws, the next one still runs. The reactor reports
 * the exception with its stack trace and goes on; a server should not fall over at the first bug.
 *
 * <p>Our reactor reports such exceptions to its uncaught-exception handler, which by default logs
 * them through slf4j (on standard error). So that the tour shows the report in the example's own
 * output, this program installs a handler that prints it there instead.
 *
 * <p><b>Threading:</b> the reactor, the callbacks and the handler run on the thread calling
 * {@link #run}.
 */
public final class ExceptionExample implements TourExample {

    @Override
    public String name() {
        return "exception";
    }

    @Override
    public int part() {
        return 3;
    }

    @Override
    public String summary() {
        return "a callback throws: the reactor reports it and goes on to the next one";
    }

    @Override
    public void run(PrintStream out) throws IOException {
        try (Reactor reactor = Reactor.open()) {
            reactor.setUncaughtExceptionHandler(e -> {
                out.println("Unhandled error in a reactor callback; the loop goes on:");
                e.printStackTrace(out);
            });
            reactor.callWhenRunning(ExceptionExample::fallDown);
            reactor.callWhenRunning(() -> getUpAgain(reactor, out));
            out.println("Starting the reactor.");
            reactor.run();
        }
    }

    private static void fallDown() {
        throw new RuntimeException("I fall down.");
    }

    private static void getUpAgain(Reactor reactor, PrintStream out) {
        out.println("But I get up again.");
        reactor.stop(); // without this, the reactor would go on running, forever
    }
}
