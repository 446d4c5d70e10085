package org.slowpoetry.servers.proxy;

import java.util.Objects;
import org.slowpoetry.fetch.PoemResult;
import org.slowpoetry.proxy.PoemCache;
import org.slowpoetry.proxy.Request;
import org.slowpoetry.proxy.Upstream;

/**
 * The text's {@code ProxyService}, shared by both impls: the {@link PoemCache} (ttl, single flight,
 * cancel when nobody waits) over a style's {@link Upstream}, reporting each request, cancel and
 * failure to the {@link ProxyEvents}. An impl only decides how it waits for a
 * {@link org.slowpoetry.proxy.Ticket} and what it does with the poem.
 *
 * {@snippet :
 * var service = new ProxyService(upstream, config);
 * switch (service.request()) {          // prints "Using cached poem." or "Fetching poem from server."
 *     case Request.Cached(var poem) -> send(poem);
 *     case Request.Fetching(var ticket) -> waitFor(ticket);
 *     case Request.Joined(var ticket) -> waitFor(ticket);
 * }
 * }
 *
 * <p><b>Threading:</b> thread-safe, as {@link PoemCache} is; events are reported on the thread
 * whose call caused them.
 */
public final class ProxyService implements AutoCloseable {
    private final PoemCache cache;
    private final ProxyEvents events;

    /** A service for {@code config}, fetching with {@code upstream}. */
    public ProxyService(Upstream upstream, ProxyConfig config) {
        Objects.requireNonNull(upstream, "upstream");
        this.events = config.events();
        this.cache = new PoemCache(reporting(upstream), config.cacheTtl(), config.clock());
    }

    /**
     * A poem or a ticket for one ({@link PoemCache#request()}), reported as the text's proxies
     * print it.
     */
    public Request request() {
        Request request = cache.request();
        switch (request) {
            case Request.Cached c -> events.usingCache();
            case Request.Fetching f -> events.fetching();
            case Request.Joined j -> events.joined();
        }
        return request;
    }

    /** Where the cache is. */
    public PoemCache.State state() {
        return cache.state();
    }

    /** Closes the cache: a download in flight is cancelled. */
    @Override
    public void close() {
        cache.close();
    }

    /** {@code upstream}, telling the events when a download fails or is cancelled. */
    private Upstream reporting(Upstream upstream) {
        return whenDone -> {
            Upstream.Download download = upstream.start(result -> {
                if (result instanceof PoemResult.Failed failed) {
                    events.failed(failed.failure());
                }
                whenDone.accept(result);
            });
            return () -> {
                events.cancelling();
                download.cancel();
            };
        };
    }

    @Override
    public String toString() {
        return "ProxyService[" + cache + "]";
    }
}
