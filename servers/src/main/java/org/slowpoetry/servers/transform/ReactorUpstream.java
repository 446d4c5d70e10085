package org.slowpoetry.servers.transform;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.fetch.TransformClient;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.transform.TransformRequest;
import org.slowpoetry.transform.TransformResult;
import org.slowpoetry.transform.Transformer;

/**
 * The reactor transformation proxy's service (Part 14, exercise 4): every request, whatever its
 * name, goes to the upstream transform server through the reactor's {@link TransformClient}, on
 * the same loop that serves the proxy's own clients. The loop never waits: the request is a
 * {@link Deferred}, handed to the server as a future.
 *
 * {@snippet :
 * Deferred<TransformResult> d = TransformClient.xform(reactor, upstream, name, poem, settings)
 *         .thenApply(transformed -> new TransformResult.Transformed(name, transformed))
 *         .catching(FetchException.class, e -> new TransformResult.Failed(name, e));
 * return d.toCompletableFuture(reactor);     // cancelling it cancels d: the upstream connection closes
 * }
 *
 * <p>An upstream that closes without a reply (it has no such transform), refuses, or stays silent
 * past the settings' timeout gives {@link TransformResult.Failed} with the {@link FetchException}
 * that says which; the server then closes its client's connection with no reply, after a log line.
 *
 * <p><b>Threading:</b> reactor thread only: {@link #transformAsync} throws
 * {@link WrongThreadException} elsewhere. It has no blocking style: {@link #transform} throws
 * {@link UnsupportedOperationException} (waiting on the loop would stop the very I/O it waits for).
 */
final class ReactorUpstream implements Transformer {
    private final Reactor reactor;
    private final Address upstream;
    private final FetchSettings settings;

    ReactorUpstream(Reactor reactor, Address upstream, FetchSettings settings) {
        this.reactor = Objects.requireNonNull(reactor, "reactor");
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public CompletableFuture<TransformResult> transformAsync(TransformRequest request) {
        Objects.requireNonNull(request, "request");
        if (!reactor.inEventLoop()) {
            throw new WrongThreadException("the reactor transform proxy forwards on its loop only, not on "
                    + Thread.currentThread().getName());
        }
        String name = request.name();
        Deferred<TransformResult> forwarded = TransformClient.xform(reactor, upstream, name, request.poem(), settings)
                .<TransformResult>thenApply(transformed -> new TransformResult.Transformed(name, transformed))
                .catching(FetchException.class, e -> new TransformResult.Failed(name, e));
        return forwarded.toCompletableFuture(reactor);
    }

    @Override
    public TransformResult transform(TransformRequest request, Duration timeout) {
        throw new UnsupportedOperationException("the reactor transform proxy has no blocking style: use transformAsync");
    }

    @Override
    public String toString() {
        return "transforms forwarded to " + upstream + " on " + reactor;
    }
}
