package org.slowpoetry.servers;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How a slow server paces the poem, {@code --num-bytes} and {@code --delay} (a picocli mixin):
 * {@code serve slow}'s options, and the {@code slowpoetry} plugin's. Each setter checks its value
 * as it is parsed, so a bad value is a one-line usage error naming the option.
 *
 * <p><b>Threading:</b> written by picocli on the main thread while parsing, read by the command
 * on the same thread afterwards.
 */
public final class PacingOptions {

    /** The most --delay may be: a day is slow enough, and far from overflowing a Duration. */
    static final double MAX_DELAY_SECONDS = 86_400;

    /** The command this mixin is part of, for usage errors. Injected by picocli. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    // Written by the setters while picocli parses (main thread), read by the command after.
    private int numBytes;
    private Duration delay;

    @Option(names = "--num-bytes", paramLabel = "N", defaultValue = "10",
            description = "Bytes per send. Default: ${DEFAULT-VALUE}.")
    void numBytes(int value) {
        if (value < 1) {
            throw ListenOptions.invalid(spec, "--num-bytes", value + " is less than 1");
        }
        numBytes = value;
    }

    @Option(names = "--delay", paramLabel = "SECONDS", defaultValue = "0.1",
            description = "Seconds to wait between sends (fractions allowed). Default: ${DEFAULT-VALUE}.")
    void delay(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0 || seconds > MAX_DELAY_SECONDS) {
            throw ListenOptions.invalid(spec, "--delay", "'" + seconds + "' is not a number of seconds from 0 to "
                    + (long) MAX_DELAY_SECONDS);
        }
        delay = Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /** Bytes per send, at least 1. */
    public int numBytes() {
        return numBytes;
    }

    /** The pause between sends, from 0 to a day. */
    public Duration delay() {
        return delay;
    }
}
