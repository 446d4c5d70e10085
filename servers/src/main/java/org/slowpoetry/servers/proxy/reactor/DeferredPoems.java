package org.slowpoetry.servers.proxy.reactor;

import java.nio.ByteBuffer;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.fetch.PoemResult;
import org.slowpoetry.proxy.Request;
import org.slowpoetry.proxy.Ticket;
import org.slowpoetry.servers.proxy.ProxyService;

/**
 * The text's {@code get_poem}, in Part 14's two idioms for a function that is only sometimes
 * asynchronous. Proxy 1.0's answers the cached poem itself, or a Deferred while it fetches, and
 * the protocol evens them out with {@code maybeDeferred}; proxy 2.0's always answers a Deferred,
 * one already fired with {@code succeed} when the poem is cached:
 *
 * {@snippet :
 * Deferred<Object> d = Deferred.maybeDeferred(poems::getPoemOrDeferred);   // 1.0
 * Deferred<ByteBuffer> d = poems.getPoem();                                // 2.0 and 3.0
 * }
 *
 * Either way a cached poem reaches the protocol's callbacks as soon as they are added, inside
 * {@code connectionMade}; a poem being fetched reaches them when the download ends. A Deferred for
 * a download is cancellable (Part 19): cancelling gives its {@link Ticket} back, and the download
 * is cancelled once no client waits for it.
 *
 * <p><b>Threading:</b> reactor thread only, like every Deferred: the tickets' listeners run on the
 * thread that ends the download, which for the reactor's {@link ReactorUpstream} is the loop.
 */
final class DeferredPoems {
    private final ProxyService service;

    DeferredPoems(ProxyService service) {
        this.service = service;
    }

    /** Proxy 1.0: the poem when cached, else a Deferred that fires with it. */
    Object getPoemOrDeferred() {
        return switch (service.request()) {
            case Request.Cached(ByteBuffer poem) -> poem;
            case Request.Fetching(Ticket ticket) -> whenDone(ticket);
            case Request.Joined(Ticket ticket) -> whenDone(ticket);
        };
    }

    /** Proxy 2.0 and 3.0: always a Deferred, already fired when the poem is cached. */
    Deferred<ByteBuffer> getPoem() {
        return switch (service.request()) {
            case Request.Cached(ByteBuffer poem) -> Deferred.succeed(poem);
            case Request.Fetching(Ticket ticket) -> whenDone(ticket);
            case Request.Joined(Ticket ticket) -> whenDone(ticket);
        };
    }

    /**
     * A Deferred fired when {@code ticket}'s download ends: with the poem, or with a
     * {@link FetchException} saying why there is none. Its canceller withdraws the ticket.
     */
    private static Deferred<ByteBuffer> whenDone(Ticket ticket) {
        Deferred<ByteBuffer> d = new Deferred<>(cancelled -> ticket.withdraw());
        ticket.onDone(result -> {
            switch (result) {
                case PoemResult.Poem(byte[] poem) -> d.callback(ByteBuffer.wrap(poem));
                case PoemResult.Failed(var why, byte[] partial) -> d.errback(new FetchException(why, partial, null));
            }
        });
        return d;
    }
}
