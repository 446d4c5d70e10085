package org.slowpoetry.servers.proxy.reactor;

import org.slowpoetry.defer.CancelledException;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.fetch.PoemResult;
import org.slowpoetry.fetch.PoetryClient;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.proxy.Upstream;
import org.slowpoetry.reactor.Reactor;

/**
 * The reactor's {@link Upstream}: the text's {@code get_poem} download, Part 8's
 * {@code getPoetry} on the loop, cancelled (Part 19) by cancelling its Deferred, which closes the
 * connection to the upstream server.
 *
 * <p><b>Threading:</b> reactor thread only: the cache starts and cancels downloads on the thread
 * that asks it, which is always the loop here, and the result arrives there too.
 */
final class ReactorUpstream implements Upstream {
    private final Reactor reactor;
    private final Address address;
    private final FetchSettings settings;

    ReactorUpstream(Reactor reactor, Address address, FetchSettings settings) {
        this.reactor = reactor;
        this.address = address;
        this.settings = settings;
    }

    @Override
    public Download start(java.util.function.Consumer<PoemResult> whenDone) {
        Deferred<byte[]> d = PoetryClient.getPoetry(reactor, address, settings);
        d.addCallbacks(poem -> {
            whenDone.accept(new PoemResult.Poem(poem));
            return null;
        }, err -> {
            if (err.value() instanceof FetchException e) {
                whenDone.accept(new PoemResult.Failed(e.failure(), e.partial()));
                return null;
            }
            err.trap(CancelledException.class); // our own cancel: the cache has already let go
            return null;
        });
        return d::cancel;
    }
}
