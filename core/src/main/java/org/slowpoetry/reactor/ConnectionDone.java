package org.slowpoetry.reactor;

/**
 * The connection was closed cleanly: the peer closed its end after sending everything (end of
 * stream), or we closed ours with {@link Transport#loseConnection()} after writing everything.
 *
 * <p><b>Threading:</b> immutable.
 */
public record ConnectionDone() implements ConnectionClosed {

    @Override
    public String message() {
        return "connection closed cleanly";
    }
}
