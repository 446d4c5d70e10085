package org.slowpoetry.cli;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a long-running command's log lines go ({@link Logging#logTo}): standard output, standard
 * error, or a file rotated by size. {@code slowpoetry run} picks one from {@code --logfile} as
 * {@code twistd} does: a file in daemon mode, standard output in the foreground, {@code -} for
 * standard error.
 *
 * <p><b>Threading:</b> immutable.
 */
public sealed interface LogTarget {

    /** Standard output: where {@code twistd --nodaemon} logs. */
    record StandardOutput() implements LogTarget {
    }

    /** Standard error: {@code --logfile -}. */
    record StandardError() implements LogTarget {
    }

    /**
     * A log file rotated by size by the logging backend's own rolling writer (tinylog's): lines go
     * to {@code FILE.N}, a new {@code FILE.N+1} is begun when the next line would take it past
     * {@code maxBytes} (tinylog does not count a file's first line, so a file may pass it by one), and
     * {@code FILE} itself is a (hard) link to the file being written, so that {@code tail FILE}
     * reads the current log. The {@code backups} newest finished files are kept, older ones deleted.
     * (twistd's {@code twistd.log.1}, {@code .2}... count the other way: its newest backup has the
     * lowest number; here the highest number is the newest.)
     *
     * @param file     the name to read the log by
     * @param maxBytes the size at which a file is finished, above 0
     * @param backups  how many finished files to keep, 0 or more
     */
    record RollingFile(Path file, long maxBytes, int backups) implements LogTarget {
        public RollingFile {
            Objects.requireNonNull(file, "file");
            if (maxBytes <= 0) {
                throw new IllegalArgumentException("a log file needs a size above 0 bytes, not " + maxBytes);
            }
            if (backups < 0) {
                throw new IllegalArgumentException("a negative number of backups: " + backups);
            }
        }
    }
}
