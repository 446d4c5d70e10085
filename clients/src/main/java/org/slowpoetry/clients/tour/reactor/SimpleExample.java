package org.slowpoetry.clients.tour.reactor;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import org.slowpoetry.clients.tour.TourExample;
import org.slowpoetry.reactor.Reactor;

/**
 * Part 3's {@code simple.py}, the simplest reactor program: start a reactor that has nothing to do.
 * It waits in its selector for an event that never comes.
 *
 * <p>The text's program runs until you press Control-C. This one gives its reactor one thing to
 * do, a {@code callLater} that stops it after {@link #IDLE}, and then prints how much CPU time the
 * loop used while it waited: next to none, because waiting in the selector is not a busy loop
 * (the text's conclusion 4).
 *
 * <p><b>Threading:</b> the reactor runs on the thread calling {@link #run}, as the text's runs on
 * its main thread; it has stopped and closed when {@code run} returns.
 */
public final class SimpleExample implements TourExample {
    /** How long our reactor sits doing nothing. */
    static final Duration IDLE = Duration.ofSeconds(1);

    @Override
    public String name() {
        return "simple";
    }

    @Override
    public int part() {
        return 3;
    }

    @Override
    public String summary() {
        return "a reactor with nothing to do waits without using CPU (the text's runs until Control-C;"
                + " this one stops after 1 s)";
    }

    @Override
    public void run(PrintStream out) throws IOException {
        try (Reactor reactor = Reactor.open()) { // the default selector: epoll on Linux
            runDoingNothing(reactor, out);
        }
    }

    /** Runs {@code reactor}, which has nothing to do, for {@link #IDLE}, and says what that cost. */
    static void runDoingNothing(Reactor reactor, PrintStream out) {
        out.println("Running a reactor on " + reactor.selectorKind() + ", with nothing to do.");
        out.println("(The text's program waits here until you press Control-C; this one stops after 1 s.)");
        reactor.callLater(IDLE, reactor::stop);

        long cpuBefore = cpuTimeNanos();
        reactor.run(); // returns once stop() has run
        long cpuUsed = cpuTimeNanos() - cpuBefore;

        if (cpuBefore < 0) {
            out.println("The reactor stopped. (This JVM cannot measure how much CPU time it used.)");
        } else {
            out.println("The reactor stopped. In 1 s of waiting in " + reactor.selectorKind() + " it used "
                    + Duration.ofNanos(cpuUsed).toMillis() + " ms of CPU time: no busy loop.");
        }
    }

    /** CPU time the calling thread has used, or -1 if the JVM cannot say. */
    private static long cpuTimeNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }
}
