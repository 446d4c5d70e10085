package org.slowpoetry.clients.tour.reactor;

import java.io.PrintStream;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.helpers.NOPLogger;
import org.slowpoetry.clients.tour.PrintStreamLogger;
import org.slowpoetry.clients.tour.TourExample;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;

/**
 * Part 16's {@code basic-twisted/log.py}: logging basics. A program logs messages and errors; an
 * error may carry an exception, whose stack trace goes into the log; a Deferred's errback logs the
 * failure it was handed. Where the lines go is not the logging code's business: until a program
 * installs somewhere for them, nothing is written.
 *
 * <p>In Twisted, {@code log.msg} and {@code log.err} write to whatever observers
 * {@code log.startLogging} installed (twistd installs one for you). slowpoetry logs through slf4j's
 * API; the backend that writes the lines is chosen on the class path and configured once by the
 * program ({@code slowpoetry run} configures tinylog, as twistd does its observer). With no
 * backend, slf4j gives every class its no-operation logger, which is what this example starts with;
 * "installing a logger" is then swapping in one that writes to the example's output
 * ({@link PrintStreamLogger}). {@code log.err(failure)} becomes {@code log.error(message, exception)}:
 * an exception is logged with its message and stack trace, at the error level.
 *
 * <p><b>Threading:</b> everything runs on the thread calling {@link #run}; the Deferred fires there.
 */
public final class LogExample implements TourExample {

    @Override
    public String name() {
        return "log";
    }

    @Override
    public int part() {
        return 16;
    }

    @Override
    public String summary() {
        return "logging: messages, errors with their stack traces, a Deferred's failure; nothing before a logger";
    }

    @Override
    public void run(PrintStream out) {
        Logger before = NOPLogger.NOP_LOGGER; // what slf4j hands out while no backend is installed
        before.info("Nobody sees this line: no logger is installed yet.");

        Logger log = new PrintStreamLogger("log", out, Clock.systemDefaultZone(), () -> "-"); // log.startLogging(sys.stdout)

        logBasics(log);

        var d = new Deferred<Boolean>();
        d.addCallback(LogExample::badCallback);
        d.addErrback((Failure failure) -> {
            log.error("Next comes the failure the errback was handed, with its stack trace:");
            log.error("Unhandled error in Deferred", failure.value());
            return null;
        });
        d.callback(true);

        log.info("End of example.");
    }

    /**
     * A message, an error, and an exception caught and logged with its stack trace: plain code,
     * the same in both styles ({@code log-loom} calls it too).
     */
    public static void logBasics(Logger log) {
        log.info("This line is logged.");
        log.error("This line is logged as an error.");
        try {
            badCallback(true);
        } catch (RuntimeException e) {
            log.error("Next comes the exception we caught, with its stack trace:");
            log.error("Unhandled error", e);
        }
    }

    /** A callback with a bug. */
    private static Integer badCallback(boolean result) {
        return Integer.parseInt("xxx");
    }
}
