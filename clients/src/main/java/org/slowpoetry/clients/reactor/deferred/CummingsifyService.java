package org.slowpoetry.clients.reactor.deferred;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.reactor.ReactorStoppedException;
import org.slowpoetry.transform.FlakyCummingsifier;

/**
 * A stand-in, inside the client, for the transformation service that clients 7.0 and 8.0 call
 * through their {@code TransformProxy} (Part 12's server): {@link #xform} answers with a
 * {@link Deferred}, a turn of the reactor later, as a network service would, but the work is done
 * here by a {@link FlakyCummingsifier}, so it fails now and then (any failure makes the clients
 * keep the original poem).
 *
 * {@snippet :
 * String poem = ic.await(service.xform(original));   // in an inline-callbacks body
 * }
 *
 * <p>A request still pending when the reactor stops is failed with a
 * {@link ReactorStoppedException}, so a body awaiting it is never left waiting.
 *
 * <p><b>Threading:</b> reactor thread only (or an inline-callbacks body holding its baton):
 * {@code callLater} checks. The Deferreds fire on the reactor thread.
 */
final class CummingsifyService {
    private final Reactor reactor;
    private final FlakyCummingsifier cummingsifier;
    /** Requests not answered yet; reactor thread only. */
    private final List<Deferred<String>> pending = new ArrayList<>();

    CummingsifyService(Reactor reactor, FlakyCummingsifier cummingsifier) {
        this.reactor = reactor;
        this.cummingsifier = cummingsifier;
        reactor.addShutdownTrigger(this::failPending);
    }

    /** The text's {@code proxy.xform('cummingsify', poem)}: the transformed poem, or a failure. */
    Deferred<String> xform(String poem) {
        Deferred<String> d = new Deferred<>();
        pending.add(d);
        reactor.callLater(Duration.ZERO, () -> {
            if (!pending.remove(d)) {
                return;
            }
            String transformed;
            try {
                transformed = cummingsifier.cummingsify(poem);
            } catch (RuntimeException e) {
                d.errback(e);
                return;
            }
            d.callback(transformed);
        });
        return d;
    }

    private void failPending() {
        List<Deferred<String>> left = List.copyOf(pending);
        pending.clear();
        left.forEach(d -> d.errback(new ReactorStoppedException("the reactor stopped before the transform")));
    }
}
