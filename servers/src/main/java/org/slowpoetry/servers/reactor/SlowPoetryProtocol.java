package org.slowpoetry.servers.reactor;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import org.slowpoetry.reactor.ConnectionClosed;
import org.slowpoetry.reactor.ConnectionDone;
import org.slowpoetry.reactor.ConnectionLost;
import org.slowpoetry.reactor.DelayedCall;
import org.slowpoetry.reactor.HalfCloseableProtocol;
import org.slowpoetry.reactor.Protocol;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.ServerConfig;

/**
 * The slow server's protocol (Part 2's {@code slowpoetry.py}, done as Part 11's exercise 3 asks):
 * send {@code --num-bytes}, then, instead of sleeping {@code --delay} as the blocking server does,
 * ask the reactor to call back after the delay, and return. Like the blocking server, it closes the
 * connection one delay after the last chunk. A client that leaves early ends the connection; the
 * pending call is cancelled in {@link #connectionLost} (the exercise's "don't forget").
 *
 * <p>A client that half-closes ({@code nc -N}: end of stream, but still reading) is not a client
 * that left: the protocol is a {@link HalfCloseableProtocol}, and goes on sending. A client that
 * has really gone is found by the next send, as with the blocking server.
 *
 * <p><b>Threading:</b> reactor thread only.
 */
final class SlowPoetryProtocol extends Protocol implements HalfCloseableProtocol {
    private final PoetryFactory factory;
    private final ServerConfig config;
    /** What is sent, a few bytes at a time: the poem, or its netstring ({@link PoetryFactory#wire()}). */
    private final Poem wire;
    private final SocketAddress peer;
    /** How many bytes of {@code wire} were handed to the transport; reactor thread only. */
    private int sent;
    /** The next send (or the close), while one is scheduled; reactor thread only. */
    private DelayedCall next;

    SlowPoetryProtocol(PoetryFactory factory, SocketAddress peer) {
        this.factory = factory;
        this.config = factory.config();
        this.wire = factory.wire();
        this.peer = peer;
    }

    @Override
    protected void connectionMade() {
        transport().setWriteTimeout(config.writeTimeout()); // a client that never reads is closed then
        config.events().connected(peer);
        sendNext();
    }

    private void sendNext() {
        next = null;
        if (sent >= wire.size()) {
            transport().loseConnection();
            return;
        }
        ByteBuffer chunk = wire.slice(sent, config.numBytes());
        int n = chunk.remaining();
        sent += n;
        // Schedule before writing: the pace is then "one chunk per delay" however long the write
        // takes, and the time is read before anything leaves, so a client that reacts to the chunk
        // (a test moving a manual clock) cannot move the next send.
        next = factory.reactor().callLater(config.delay(), this::sendNext);
        config.events().sent(peer, n);
        transport().write(chunk);
    }

    @Override
    public void readConnectionLost() {
        // A poetry client has nothing to say; its end of stream only says so. The poem goes on.
    }

    @Override
    public void connectionLost(ConnectionClosed reason) {
        if (next != null) {
            next.cancel();
            next = null;
        }
        factory.closed();
        boolean whole = sent >= wire.size();
        switch (reason) {
            case ConnectionDone done when whole -> config.events().finished(peer);
            case ConnectionDone done -> config.events().dropped(peer, new IOException("the client closed the connection"));
            case ConnectionLost(var cause) -> config.events().dropped(peer, cause);
        }
    }
}
