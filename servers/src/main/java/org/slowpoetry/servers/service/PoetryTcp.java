package org.slowpoetry.servers.service;

import java.time.Duration;
import java.util.Objects;
import org.slowpoetry.net.AcceptLoop;
import org.slowpoetry.protocol.PoemFraming;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.servers.PoemConnection;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerKind;
import org.slowpoetry.servers.erlang.ErlangServerImpl;
import org.slowpoetry.servers.reactor.PoetryFactory;
import org.slowpoetry.service.LoomTcpServer;
import org.slowpoetry.service.ReactorTcpServer;
import org.slowpoetry.time.MonotonicClock;

/**
 * Poetry over TCP as a service, in every style: a TCP service whose connections are sent the poem
 * of a {@link PoetryService}, all at once ({@link #fast()}, Part 11) or a few bytes at a time
 * ({@link #slow}, Part 2). Part 16's {@code TCPServer(port, PoetryFactory(service))}; the servers
 * behind it are the {@code serve} command's own (the reactor's {@link PoetryFactory} and
 * protocols, the Loom {@link PoemConnection}, the Erlang-style process tree), reading the poem
 * from the service.
 *
 * {@snippet :
 * var poetry = new PoetryService(Path.of("poems/ecstasy.txt"));
 * var top = new ReactorMultiService("fastpoetry", reactor);
 * top.add(poetry.reactor("poetry", reactor));
 * top.add(PoetryTcp.fast().reactor("tcp", reactor, "localhost", 10000, poetry));
 *
 * var slow = new LoomMultiService("slowpoetry");
 * slow.add(poetry.loom("poetry"));
 * slow.add(PoetryTcp.slow(10, Duration.ofMillis(100)).loom("tcp", "localhost", 10001, poetry));
 * }
 *
 * Each connection logs {@code sending N bytes of poetry to PEER}; the TCP services log where they
 * listen. The poetry service must come before its ports in the tree, so the poem is loaded when
 * they start.
 *
 * <p><b>Threading:</b> immutable; the services it makes have their kinds' threading.
 */
public final class PoetryTcp {

    private final ServerKind kind;
    private final int numBytes;
    private final Duration delay;
    private final MonotonicClock clock;
    private final Duration writeTimeout;

    private PoetryTcp(ServerKind kind, int numBytes, Duration delay, MonotonicClock clock, Duration writeTimeout) {
        ServerConfig.checkPacing(numBytes, delay);
        this.kind = kind;
        this.numBytes = numBytes;
        this.delay = delay;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writeTimeout = Objects.requireNonNull(writeTimeout, "writeTimeout");
        if (writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new IllegalArgumentException("write timeout must be positive: " + writeTimeout);
        }
    }

    /** The whole poem at once, then the connection closed (Part 11's fast server). */
    public static PoetryTcp fast() {
        return new PoetryTcp(ServerKind.FAST, 1, Duration.ZERO, MonotonicClock.system(), ServerConfig.DEFAULT_WRITE_TIMEOUT);
    }

    /**
     * {@code numBytes} every {@code delay}, then the connection closed (Part 2's slow server).
     *
     * @throws IllegalArgumentException if {@code numBytes} is below 1 or {@code delay} is negative
     */
    public static PoetryTcp slow(int numBytes, Duration delay) {
        return new PoetryTcp(ServerKind.SLOW, numBytes, delay, MonotonicClock.system(), ServerConfig.DEFAULT_WRITE_TIMEOUT);
    }

    /** The same, waiting on {@code clock} (between a slow server's sends, and after failed accepts). */
    public PoetryTcp withClock(MonotonicClock c) {
        return new PoetryTcp(kind, numBytes, delay, c, writeTimeout);
    }

    /**
     * The same, closing a client that takes none of what is sent to it for {@code timeout}
     * (default {@link ServerConfig#DEFAULT_WRITE_TIMEOUT}).
     *
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public PoetryTcp withWriteTimeout(Duration timeout) {
        return new PoetryTcp(kind, numBytes, delay, clock, timeout);
    }

    /**
     * A reactor TCP service on {@code reactor}: a {@link PoetryFactory} making Part 11's protocols,
     * paced with the reactor's timers.
     */
    public ReactorTcpServer reactor(String name, Reactor reactor, String iface, int port, PoetryService poetry) {
        return new ReactorTcpServer(name, reactor, iface, port,
                new PoetryFactory(reactor, () -> config(poetry, iface, port)));
    }

    /** A Loom TCP service: a virtual thread per client writing the poem with plain blocking writes. */
    public LoomTcpServer loom(String name, String iface, int port, PoetryService poetry) {
        var listen = new AcceptLoop.Listen(iface, port, clock, kind.noDelay(), name, writeTimeout, address -> { });
        return new LoomTcpServer(name, listen,
                (client, out) -> new PoemConnection(config(poetry, iface, port)).serve(client, out, name, () -> true));
    }

    /**
     * The Erlang-style server (Part 20, exercise 6) as a Loom TCP service: its supervised process
     * tree starts with the service and ends with it.
     */
    public LoomTcpServer erlang(String name, String iface, int port, PoetryService poetry) {
        Objects.requireNonNull(poetry, "poetry");
        return LoomTcpServer.of(name, iface, port, () -> new ErlangServerImpl().start(config(poetry, iface, port)));
    }

    /** What the {@code serve} command's servers need, with {@code poetry}'s poem: it has been loaded by now. */
    private ServerConfig config(PoetryService poetry, String iface, int port) {
        return new ServerConfig(kind, poetry.poem(), iface, port, numBytes, delay, 0, writeTimeout, "epoll", 1, clock,
                new PoetryLog(poetry), PoemFraming.NONE);
    }

    @Override
    public String toString() {
        return kind == ServerKind.FAST ? "fast poetry" : "slow poetry (" + numBytes + " bytes every " + delay + ")";
    }
}
