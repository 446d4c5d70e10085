package org.slowpoetry.servers.transform;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.protocol.NetstringDecoder;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.time.MonotonicClock;
import org.slowpoetry.transform.Transformer;

/**
 * Everything a transformation proxy needs to start ({@link TransformProxy}), the same for every
 * {@link TransformImpl}: the upstream transform server, how long to wait for it, and where to
 * listen.
 *
 * {@snippet :
 * var config = TransformProxyConfig.of(Address.parse("10001")).withUpstreamTimeout(Duration.ofSeconds(2));
 * try (TransformServer proxy = TransformProxy.start(TransformImpl.REACTOR, config)) { ... }
 * }
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param upstream        the transform server every request is forwarded to
 * @param upstreamTimeout the longest the connect to it may take, and the longest it may then stay
 *                        silent; positive
 * @param iface           the interface to listen on
 * @param port            the port to listen on, 0 for a free one
 * @param requestTimeout  how long a client connection may take from accept to reply, the upstream
 *                        call included (see {@link TransformServerConfig#requestTimeout()})
 * @param writeTimeout    how long a client may take none of its reply before it is closed
 * @param clock           the clock the proxy's timers run on
 */
public record TransformProxyConfig(Address upstream, Duration upstreamTimeout, String iface, int port,
        Duration requestTimeout, Duration writeTimeout, MonotonicClock clock) {

    /** The default upstream timeout: 10 s, so that connect plus silence fit the request timeout. */
    public static final Duration DEFAULT_UPSTREAM_TIMEOUT = Duration.ofSeconds(10);

    public TransformProxyConfig {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(upstreamTimeout, "upstreamTimeout");
        Objects.requireNonNull(iface, "iface");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        Objects.requireNonNull(clock, "clock");
        if (upstreamTimeout.isNegative() || upstreamTimeout.isZero()) {
            throw new IllegalArgumentException("upstream timeout must be positive: " + upstreamTimeout);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("request timeout must be positive: " + requestTimeout);
        }
        if (writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new IllegalArgumentException("write timeout must be positive: " + writeTimeout);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range 0–65535: " + port);
        }
    }

    /** Forwarding to {@code upstream} from 127.0.0.1 on a free port, with the default timeouts. */
    public static TransformProxyConfig of(Address upstream) {
        return new TransformProxyConfig(upstream, DEFAULT_UPSTREAM_TIMEOUT, "127.0.0.1", 0,
                TransformServerConfig.DEFAULT_REQUEST_TIMEOUT, ServerConfig.DEFAULT_WRITE_TIMEOUT, MonotonicClock.system());
    }

    public TransformProxyConfig withUpstreamTimeout(Duration d) {
        return new TransformProxyConfig(upstream, d, iface, port, requestTimeout, writeTimeout, clock);
    }

    public TransformProxyConfig withRequestTimeout(Duration d) {
        return new TransformProxyConfig(upstream, upstreamTimeout, iface, port, d, writeTimeout, clock);
    }

    public TransformProxyConfig withWriteTimeout(Duration d) {
        return new TransformProxyConfig(upstream, upstreamTimeout, iface, port, requestTimeout, d, clock);
    }

    /** Listening on {@code i:p} (0 for a free port). */
    public TransformProxyConfig withListen(String i, int p) {
        return new TransformProxyConfig(upstream, upstreamTimeout, i, p, requestTimeout, writeTimeout, clock);
    }

    /** How the upstream is called: {@link #upstreamTimeout()}, and the default reply size limit. */
    FetchSettings upstreamSettings() {
        return FetchSettings.defaults().withTimeout(upstreamTimeout);
    }

    /** The transform server in front of {@code forwarder}: netstrings only, 1 MiB requests. */
    TransformServerConfig server(Transformer forwarder) {
        return new TransformServerConfig(forwarder, iface, port, OptionalInt.empty(),
                NetstringDecoder.DEFAULT_MAX_LENGTH, requestTimeout, writeTimeout, clock);
    }
}
