package org.slowpoetry.servers.transform;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import org.slowpoetry.net.AcceptLoop;
import org.slowpoetry.protocol.NetstringDecoder;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.time.MonotonicClock;
import org.slowpoetry.transform.TransformService;
import org.slowpoetry.transform.Transformer;

/**
 * Everything a transform server needs to start, the same for every {@link TransformImpl}.
 *
 * {@snippet :
 * var config = TransformServerConfig.of(TransformService.standard()).withLinePort(0);
 * try (TransformServer server = TransformImpl.LOOM.start(config)) { ... }
 * }
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param service        the one service behind every port (and, if shared, every server): Part
 *                       12's {@link TransformService}, or a proxy's forwarder
 * @param iface          the interface to listen on
 * @param port           the netstring port (Part 12's protocol), 0 for a free one
 * @param linePort       the one-line protocol's port, 0 for a free one; empty for none
 * @param maxRequest     the longest request accepted, in bytes (netstring payload, or line)
 * @param requestTimeout how long a connection may take from accept to reply: a client that sends
 *                       nothing, half a request, or does not read its reply is closed after this
 * @param writeTimeout   how long a client may take none of its reply before it is closed; the
 *                       request timeout bounds it too, whichever comes first
 * @param clock          the clock the reactor's timers and the accept back-off run on
 */
public record TransformServerConfig(Transformer service, String iface, int port, OptionalInt linePort,
        int maxRequest, Duration requestTimeout, Duration writeTimeout, MonotonicClock clock) {

    /** The default request timeout: 30 s. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public TransformServerConfig {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(iface, "iface");
        Objects.requireNonNull(linePort, "linePort");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        Objects.requireNonNull(clock, "clock");
        checkPort(port);
        linePort.ifPresent(TransformServerConfig::checkPort);
        if (maxRequest < 0) {
            throw new IllegalArgumentException("max-request must not be negative: " + maxRequest);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("request timeout must be positive: " + requestTimeout);
        }
        if (writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new IllegalArgumentException("write timeout must be positive: " + writeTimeout);
        }
    }

    /** {@code service} on 127.0.0.1, a free port, no line port, 1 MiB requests, 30 s timeouts. */
    public static TransformServerConfig of(Transformer service) {
        return new TransformServerConfig(service, "127.0.0.1", 0, OptionalInt.empty(),
                NetstringDecoder.DEFAULT_MAX_LENGTH, DEFAULT_REQUEST_TIMEOUT, ServerConfig.DEFAULT_WRITE_TIMEOUT,
                MonotonicClock.system());
    }

    /**
     * How a thread-per-connection server listens for {@code wire} requests on {@code port}
     * ({@link AcceptLoop}): this config's interface and clock.
     */
    public AcceptLoop.Listen listen(int port, Wire wire) {
        return new AcceptLoop.Listen(iface, port, clock, false, wire + " transform server", writeTimeout,
                address -> { });
    }

    public TransformServerConfig withIface(String i) {
        return new TransformServerConfig(service, i, port, linePort, maxRequest, requestTimeout, writeTimeout, clock);
    }

    public TransformServerConfig withPort(int p) {
        return new TransformServerConfig(service, iface, p, linePort, maxRequest, requestTimeout, writeTimeout, clock);
    }

    /** Also serve the one-line protocol, on {@code p} (0 for a free port). */
    public TransformServerConfig withLinePort(int p) {
        return new TransformServerConfig(service, iface, port, OptionalInt.of(p), maxRequest, requestTimeout, writeTimeout, clock);
    }

    public TransformServerConfig withMaxRequest(int bytes) {
        return new TransformServerConfig(service, iface, port, linePort, bytes, requestTimeout, writeTimeout, clock);
    }

    public TransformServerConfig withRequestTimeout(Duration d) {
        return new TransformServerConfig(service, iface, port, linePort, maxRequest, d, writeTimeout, clock);
    }

    public TransformServerConfig withWriteTimeout(Duration d) {
        return new TransformServerConfig(service, iface, port, linePort, maxRequest, requestTimeout, d, clock);
    }

    public TransformServerConfig withClock(MonotonicClock c) {
        return new TransformServerConfig(service, iface, port, linePort, maxRequest, requestTimeout, writeTimeout, c);
    }

    private static void checkPort(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range 0–65535: " + port);
        }
    }
}
