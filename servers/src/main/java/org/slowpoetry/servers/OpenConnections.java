package org.slowpoetry.servers;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * Server events that count the connections being served on their way to other events: a
 * connection is open from {@link #connected} until its {@link #finished}, {@link #dropped} or
 * {@link #crashed}. For {@code serve --stats}.
 *
 * <p><b>Threading:</b> the events come from the server's threads and go on to {@code next} on the
 * same thread; the counters are {@link LongAdder}s, so {@link #open()} may be read from any thread
 * (a moment's count, which may move while it is read).
 */
final class OpenConnections implements ServerEvents {
    private final ServerEvents next;
    private final LongAdder connected = new LongAdder();
    private final LongAdder ended = new LongAdder();

    OpenConnections(ServerEvents next) {
        this.next = Objects.requireNonNull(next, "next");
    }

    /** Connections connected and not yet ended. */
    long open() {
        return connected.sum() - ended.sum();
    }

    @Override
    public void listening(Poem poem, InetSocketAddress address) {
        next.listening(poem, address);
    }

    @Override
    public void connected(SocketAddress peer) {
        connected.increment();
        next.connected(peer);
    }

    @Override
    public void sent(SocketAddress peer, int bytes) {
        next.sent(peer, bytes);
    }

    @Override
    public void finished(SocketAddress peer) {
        ended.increment();
        next.finished(peer);
    }

    @Override
    public void dropped(SocketAddress peer, Throwable reason) {
        ended.increment();
        next.dropped(peer, reason);
    }

    @Override
    public void crashed(SocketAddress peer, Throwable reason) {
        ended.increment();
        next.crashed(peer, reason);
    }

    @Override
    public void refused(SocketAddress peer) {
        next.refused(peer);
    }
}
