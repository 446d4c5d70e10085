package org.slowpoetry.servers;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slowpoetry.net.AcceptLoop;
import org.slowpoetry.protocol.PoemFraming;
import org.slowpoetry.time.MonotonicClock;

/**
 * Everything a {@link ServerImpl} needs to start: the same for every impl, so that
 * {@code serve slow --impl blocking} and {@code --impl loom} take the same options and behave the same.
 *
 * <p><b>Threading:</b> immutable (the poem array is never written after construction).
 *
 * @param kind           slow or fast
 * @param poem           the poem, loaded once by {@link Poem#load}
 * @param iface          the interface to listen on ({@code 127.0.0.1} by default)
 * @param port           0 for a random free port
 * @param numBytes       slow servers: bytes per send, at least 1
 * @param delay          slow servers: pause between sends, not negative
 * @param maxConnections connections served at once; more are closed on accept; 0 = unlimited
 * @param writeTimeout   how long a client may take none of the poem before it is closed (a client
 *                       that never reads); positive. Every impl keeps it, each its own way
 * @param selector       reactor impls: {@code epoll} (the JDK default) or {@code poll}; other impls
 *                       ignore it
 * @param loops          the reactor impl: event loops serving the port, each a thread with its own
 *                       selector ({@code --loops}), at least 1; 1 is the text's single-threaded
 *                       reactor. Other impls ignore it
 * @param clock          the clock the servers wait on: slow servers between sends, and the
 *                       thread-per-connection servers after a failed accept ({@link AcceptLoop})
 * @param events         where the server reports what it does (the text's output lines)
 * @param framing        how the poem goes on the wire: as it is (the text's servers), or as one
 *                       netstring ({@code --netstrings}, Part 12's exercise 6); see {@link #wire()}
 */
public record ServerConfig(
        ServerKind kind,
        Poem poem,
        String iface,
        int port,
        int numBytes,
        Duration delay,
        int maxConnections,
        Duration writeTimeout,
        String selector,
        int loops,
        MonotonicClock clock,
        ServerEvents events,
        PoemFraming framing) {

    /** The write timeout when none is given: long enough for any client that reads at all. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = AcceptLoop.Listen.DEFAULT_WRITE_TIMEOUT;

    /** The values {@code selector} may take. */
    public static final List<String> SELECTORS = List.of("epoll", "poll");

    public ServerConfig {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(poem, "poem");
        Objects.requireNonNull(iface, "iface");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(framing, "framing");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range 0–65535: " + port);
        }
        checkPacing(numBytes, delay);
        if (maxConnections < 0) {
            throw new IllegalArgumentException("max-connections must not be negative: " + maxConnections);
        }
        if (writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new IllegalArgumentException("write timeout must be positive: " + writeTimeout);
        }
        if (!SELECTORS.contains(selector)) {
            throw new IllegalArgumentException("selector must be one of " + SELECTORS + ": " + selector);
        }
        if (loops < 1) {
            throw new IllegalArgumentException("loops must be at least 1: " + loops);
        }
    }

    /**
     * Checks a slow server's pacing: at least 1 byte a send, a delay not negative.
     *
     * @throws IllegalArgumentException naming the value that is not
     */
    public static void checkPacing(int numBytes, Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (numBytes < 1) {
            throw new IllegalArgumentException("num-bytes must be at least 1: " + numBytes);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
    }

    /**
     * A slow server's defaults (10 bytes every 0.1 s, 127.0.0.1, random port, the poem unframed,
     * {@link #DEFAULT_WRITE_TIMEOUT}, one reactor loop), silent.
     */
    public static ServerConfig slow(Poem poem) {
        return new ServerConfig(ServerKind.SLOW, poem, "127.0.0.1", 0, 10, Duration.ofMillis(100), 0,
                DEFAULT_WRITE_TIMEOUT, "epoll", 1, MonotonicClock.system(), ServerEvents.silent(), PoemFraming.NONE);
    }

    /** A fast server's defaults (127.0.0.1, random port), silent. */
    public static ServerConfig fast(Poem poem) {
        return slow(poem).withKind(ServerKind.FAST);
    }

    public ServerConfig withKind(ServerKind k) {
        return new ServerConfig(k, poem, iface, port, numBytes, delay, maxConnections, writeTimeout, selector, loops, clock, events, framing);
    }

    public ServerConfig withIface(String i) {
        return new ServerConfig(kind, poem, i, port, numBytes, delay, maxConnections, writeTimeout, selector, loops, clock, events, framing);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(kind, poem, iface, p, numBytes, delay, maxConnections, writeTimeout, selector, loops, clock, events, framing);
    }

    public ServerConfig withPacing(int bytes, Duration d) {
        return new ServerConfig(kind, poem, iface, port, bytes, d, maxConnections, writeTimeout, selector, loops, clock, events, framing);
    }

    public ServerConfig withMaxConnections(int max) {
        return new ServerConfig(kind, poem, iface, port, numBytes, delay, max, writeTimeout, selector, loops, clock, events, framing);
    }

    public ServerConfig withWriteTimeout(Duration t) {
        return new ServerConfig(kind, poem, iface, port, numBytes, delay, maxConnections, t, selector, loops, clock, events, framing);
    }

    public ServerConfig withSelector(String s) {
        return new ServerConfig(kind, poem, iface, port, numBytes, delay, maxConnections, writeTimeout, s, loops, clock, events, framing);
    }

    public ServerConfig withLoops(int n) {
        return new ServerConfig(kind, poem, iface, port, numBytes, delay, maxConnections, writeTimeout, selector, n, clock, events, framing);
    }

    public ServerConfig withClock(MonotonicClock c) {
        return new ServerConfig(kind, poem, iface, port, numBytes, delay, maxConnections, writeTimeout, selector, loops, c, events, framing);
    }

    public ServerConfig withEvents(ServerEvents e) {
        return new ServerConfig(kind, poem, iface, port, numBytes, delay, maxConnections, writeTimeout, selector, loops, clock, e, framing);
    }

    public ServerConfig withFraming(PoemFraming f) {
        return new ServerConfig(kind, poem, iface, port, numBytes, delay, maxConnections, writeTimeout, selector, loops, clock, events, f);
    }

    /**
     * The poem as every impl sends it: {@code poem().framed(framing())}. Framing is done here once;
     * an impl calls this once per server, not per connection (it copies the poem when framed).
     */
    public Poem wire() {
        return poem.framed(framing);
    }

    /**
     * How a thread-per-connection poetry server listens ({@link AcceptLoop},
     * {@link org.slowpoetry.net.BoundListener}): this config's interface, port, clock and write
     * timeout; clients get {@code TCP_NODELAY} when the server is slow (each small send leaves at once); and
     * {@link ServerEvents#listening} is told the poem and the bound address.
     */
    public AcceptLoop.Listen listen() {
        return new AcceptLoop.Listen(iface, port, clock, kind.noDelay(), kind.command() + " server",
                writeTimeout, address -> events.listening(poem, address));
    }
}
