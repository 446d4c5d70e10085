package org.slowpoetry.servers;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code slowpoetry serve slow POEM}: the slow poetry server of Part 2, sending {@code --num-bytes}
 * every {@code --delay} seconds to one connection after another (or to many at once, depending on
 * {@code --impl}).
 *
 * <p><b>Threading:</b> picocli populates and calls it on the main thread, which then waits for the
 * server to be stopped (Ctrl-C).
 */
@Command(
        name = "slow",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        sortOptions = false,
        modelTransformer = ImplsHelp.class,
        description = {
            "Serve POEM slowly, as the blocking server of Part 2 does: NUM-BYTES bytes every DELAY"
                    + " seconds, then close the connection. Prints 'Serving POEM on port N.' at start,"
                    + " a line per client and per send. Stop it with Ctrl-C.",
            ""
        })
final class ServeSlowCommand implements Callable<Integer> {

    /** The most --delay may be: a day is slow enough, and far from overflowing a Duration. */
    static final double MAX_DELAY_SECONDS = 86_400;

    /** Shared options and the POEM argument. */
    @Mixin
    ServeOptions options;

    // Written by the setters while picocli parses (main thread), read by call() after.
    private int numBytes;
    private Duration delay;

    @Option(names = "--num-bytes", paramLabel = "N", defaultValue = "10",
            description = "Bytes per send. Default: ${DEFAULT-VALUE}.")
    void numBytes(int value) {
        if (value < 1) {
            throw options.invalid("--num-bytes", value + " is less than 1");
        }
        numBytes = value;
    }

    @Option(names = "--delay", paramLabel = "SECONDS", defaultValue = "0.1",
            description = "Seconds to wait between sends (fractions allowed). Default: ${DEFAULT-VALUE}.")
    void delay(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0 || seconds > MAX_DELAY_SECONDS) {
            throw options.invalid("--delay", "'" + seconds + "' is not a number of seconds from 0 to "
                    + (long) MAX_DELAY_SECONDS);
        }
        delay = Duration.ofNanos(Math.round(seconds * 1e9));
    }

    @Override
    public Integer call() {
        return Serving.serve(ServerKind.SLOW, options, numBytes, delay);
    }
}
