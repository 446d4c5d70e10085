package org.slowpoetry.servers.proxy;

import java.time.Duration;
import java.util.Objects;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.net.AcceptLoop;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.time.MonotonicClock;

/**
 * Everything a poetry proxy needs to start, the same for both impls.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param upstream the poetry server the poems come from
 * @param iface    the interface to listen on
 * @param port     the port to listen on, 0 for any free one
 * @param version  the text's proxy to mirror; the loom impl is the twin of {@link ProxyVersion#V3}
 * @param cacheTtl how long a poem is served from the cache (exercise 14.2); not negative
 * @param fetch    how the upstream is fetched: its timeout bounds the connect and each silence,
 *                 so an upstream that never answers fails every waiting client after it
 * @param writeTimeout how long a client may take none of the poem before it is closed (a client
 *                 that never reads); positive
 * @param clock    the clock the cache ages its poem on, and the reactor's timers run on
 * @param events   where the proxy reports what it does (the text's lines)
 */
public record ProxyConfig(Address upstream, String iface, int port, ProxyVersion version, Duration cacheTtl,
        FetchSettings fetch, Duration writeTimeout, MonotonicClock clock, ProxyEvents events) {

    /** How long the upstream may stay silent when {@code --upstream-timeout} is not given. */
    public static final Duration DEFAULT_UPSTREAM_TIMEOUT = Duration.ofSeconds(30);

    /** How long a poem is cached when {@code --cache-ttl} is not given: exercise 14.2's two hours. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofHours(2);

    public ProxyConfig {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(iface, "iface");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(events, "events");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range 0–65535: " + port);
        }
        if (writeTimeout.isNegative() || writeTimeout.isZero()) {
            throw new IllegalArgumentException("write timeout must be positive: " + writeTimeout);
        }
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("cache ttl must not be negative: " + cacheTtl);
        }
    }

    /** A silent proxy 3.0 for {@code upstream} on 127.0.0.1, any port, the defaults, the system clock. */
    public static ProxyConfig of(Address upstream) {
        return new ProxyConfig(upstream, "127.0.0.1", 0, ProxyVersion.V3, DEFAULT_CACHE_TTL,
                FetchSettings.defaults().withTimeout(DEFAULT_UPSTREAM_TIMEOUT), ServerConfig.DEFAULT_WRITE_TIMEOUT,
                MonotonicClock.system(), ProxyEvents.silent());
    }

    public ProxyConfig withVersion(ProxyVersion v) {
        return new ProxyConfig(upstream, iface, port, v, cacheTtl, fetch, writeTimeout, clock, events);
    }

    public ProxyConfig withCacheTtl(Duration ttl) {
        return new ProxyConfig(upstream, iface, port, version, ttl, fetch, writeTimeout, clock, events);
    }

    public ProxyConfig withUpstreamTimeout(Duration timeout) {
        return new ProxyConfig(upstream, iface, port, version, cacheTtl, fetch.withTimeout(timeout), writeTimeout, clock, events);
    }

    public ProxyConfig withWriteTimeout(Duration t) {
        return new ProxyConfig(upstream, iface, port, version, cacheTtl, fetch, t, clock, events);
    }

    public ProxyConfig withClock(MonotonicClock c) {
        return new ProxyConfig(upstream, iface, port, version, cacheTtl, fetch, writeTimeout, c, events);
    }

    public ProxyConfig withEvents(ProxyEvents e) {
        return new ProxyConfig(upstream, iface, port, version, cacheTtl, fetch, writeTimeout, clock, e);
    }

    public ProxyConfig withListen(String i, int p) {
        return new ProxyConfig(upstream, i, p, version, cacheTtl, fetch, writeTimeout, clock, events);
    }

    /**
     * How a thread-per-connection proxy listens ({@link AcceptLoop}): this config's interface, port
     * and clock; {@link ProxyEvents#listening} is told the bound address.
     */
    public AcceptLoop.Listen listen() {
        return new AcceptLoop.Listen(iface, port, clock, false, "poetry proxy", writeTimeout,
                address -> events.listening(upstream, address));
    }
}
