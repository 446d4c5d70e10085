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

    /**
     * Whether its clients get {@code TCP_NODELAY}: a slow server's small sends must each leave at
     * once, not when Nagle's algorithm allows; a fast server's one big write loses nothing by it.
     */
    public boolean noDelay() {
        return this == SLOW;
    }

    /** The subcommand name: {@code slow} or {@code fast}. */
    public String command() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
