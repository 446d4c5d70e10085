package org.slowpoetry.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@link Logging#logTo}: once anything has logged, the backend's configuration is frozen, and
 * asking for another destination is a bug reported at once rather than ignored. (Where the lines
 * go when it is called in time is tested with the runner, in a process of its own.)
 */
class LoggingTest {

    @Test
    void logToAfterTheFirstLogLineThrows() {
        LoggerFactory.getLogger(LoggingTest.class).info("the log is in use from here on");

        var e = assertThrows(IllegalStateException.class, () -> Logging.logTo(new LogTarget.StandardOutput()));

        assertTrue(e.getMessage().contains("something got a logger before the log was configured"), e.getMessage());
    }

    @Test
    void aRollingFileNeedsASizeAndSomeBackups() {
        assertThrows(IllegalArgumentException.class, () -> new LogTarget.RollingFile(Path.of("x.log"), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new LogTarget.RollingFile(Path.of("x.log"), 1, -1));
    }
}
