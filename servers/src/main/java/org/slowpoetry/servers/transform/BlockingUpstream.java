package org.slowpoetry.servers.transform;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slowpoetry.fetch.BlockingTransform;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.transform.TransformRequest;
import org.slowpoetry.transform.TransformResult;
import org.slowpoetry.transform.Transformer;

/**
 * The loom transformation proxy's service (Part 14, exercise 4): every request, whatever its name,
 * goes to the upstream transform server with the blocking {@link BlockingTransform}, as plain
 * sequential code on the calling connection's virtual thread.
 *
 * {@snippet :
 * try {
 *     return new TransformResult.Transformed(name, BlockingTransform.xform(upstream, name, poem, settings));
 * } catch (FetchException e) {
 *     return new TransformResult.Failed(name, e);    // no such transform upstream, refused, silent...
 * }
 * }
 *
 * <p>The connect and every read are bounded by the settings' timeout, or the caller's
 * {@code timeout} if shorter. Interrupting the thread (the loom server's connection deadline, or
 * its close) closes the upstream socket at once.
 *
 * <p><b>Threading:</b> stateless; {@link #transform} blocks the calling thread, so call it where
 * blocking is cheap (a virtual thread), never on an event loop. It has no non-blocking style:
 * {@link #transformAsync} throws {@link UnsupportedOperationException}.
 */
final class BlockingUpstream implements Transformer {
    private final Address upstream;
    private final FetchSettings settings;

    BlockingUpstream(Address upstream, FetchSettings settings) {
        this.upstream = Objects.requireNonNull(upstream, "upstream");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public CompletableFuture<TransformResult> transformAsync(TransformRequest request) {
        throw new UnsupportedOperationException("the blocking transform proxy has no non-blocking style: use transform");
    }

    @Override
    public TransformResult transform(TransformRequest request, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(request, "request");
        String name = request.name();
        FetchSettings bounded = timeout.compareTo(settings.timeout()) < 0 ? settings.withTimeout(timeout) : settings;
        try {
            return new TransformResult.Transformed(name, BlockingTransform.xform(upstream, name, request.poem(), bounded));
        } catch (FetchException e) {
            return new TransformResult.Failed(name, e);
        }
    }

    @Override
    public String toString() {
        return "transforms forwarded to " + upstream + ", blocking";
    }
}
