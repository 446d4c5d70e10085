package org.slowpoetry.reactor;

/**
 * A {@link Protocol} that stays connected when its peer half-closes: Twisted's
 * {@code IHalfCloseableProtocol}. TCP lets each side shut down its sending side alone
 * ({@code shutdown(SHUT_WR)}, {@code nc -N}): the other side reads end of stream, but may still send,
 * and the peer still reads. A plain protocol takes end of stream as the end of the connection
 * ({@code connectionLost(ConnectionDone)}), which suits a client reading a poem. A server that has
 * more to send, the slow poetry server, implements this interface instead and is told
 * {@link #readConnectionLost()}; its connection stays up until it closes it, or a write finds the
 * peer gone.
 *
 * {@snippet :
 * final class SlowPoetryProtocol extends Protocol implements HalfCloseableProtocol {
 *     @Override
 *     public void readConnectionLost() {
 *         // the client has nothing more to say; it still wants the rest of the poem
 *     }
 * }
 * }
 *
 * <p><b>Threading:</b> reactor thread only, like every protocol callback.
 */
public interface HalfCloseableProtocol {

    /**
     * The peer has shut down its sending side: nothing more will arrive. The transport has stopped
     * reading for good ({@link Transport#resumeProducing()} no longer starts it); writing, and
     * {@link Transport#loseConnection()}, work as before. Called at most once, never after
     * {@link Protocol#connectionLost}.
     */
    void readConnectionLost();
}
