package org.slowpoetry.bench.load;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.ServerEvents;

/**
 * The server events of a benchmarked server: the {@code Serving POEM on port N.} line the harness
 * waits for, and counters instead of a line per client (printing ten thousand lines would measure
 * the terminal, not the server).
 *
 * <p><b>Threading:</b> called from the server's threads; the counters are {@link LongAdder}s, and
 * the listening line goes through the thread-safe {@link System#out}.
 */
final class CountingEvents implements ServerEvents {
    private final LongAdder connected = new LongAdder();
    private final LongAdder finished = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder crashed = new LongAdder();

    @Override
    public void listening(Poem poem, InetSocketAddress address) {
        System.out.println("Serving " + poem.source() + " on port " + address.getPort() + ".");
        System.out.flush();
    }

    @Override
    public void connected(SocketAddress peer) {
        connected.increment();
    }

    @Override
    public void finished(SocketAddress peer) {
        finished.increment();
    }

    @Override
    public void dropped(SocketAddress peer, Throwable reason) {
        dropped.increment();
    }

    @Override
    public void crashed(SocketAddress peer, Throwable reason) {
        crashed.increment();
    }

    /** Connections connected and not yet finished, dropped or crashed (a moment's count). */
    long open() {
        return connected.sum() - finished.sum() - dropped.sum() - crashed.sum();
    }

    @Override
    public void refused(SocketAddress peer) {
        refused.increment();
    }

    /** The counts so far (a snapshot of each; they may move while it is taken). */
    Map<String, Object> counts() {
        var m = new LinkedHashMap<String, Object>();
        m.put("connected", connected.sum());
        m.put("finished", finished.sum());
        m.put("dropped", dropped.sum());
        m.put("refused", refused.sum());
        return m;
    }
}
