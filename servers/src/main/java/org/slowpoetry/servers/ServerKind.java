package org.slowpoetry.servers;

/**
 * What a poetry server does with each connection.
 *
 * <p><b>Threading:</b> immutable.
 */
public enum ServerKind {
    /** Part 2: send {@code --num-bytes} every {@code --delay} seconds, then close. */
    SLOW,
    /** Part 11: send the whole poem at once, then close. */
    FAST;

    /** The subcommand name: {@code slow} or {@code fast}. */
    public String command() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
