package org.slowpoetry.clients.reactor.deferred;

import java.nio.charset.StandardCharsets;
import org.slowpoetry.clients.reactor.PoemTask;
import org.slowpoetry.clients.reactor.PoetryClientFactory;
import org.slowpoetry.defer.Deferred;

/**
 * Client 4.0's factory (Part 8): where 3.1's held a callback and an errback, it holds a
 * {@link Deferred}, and fires it with the poem or the failure.
 *
 * <p>It lets go of the Deferred as it fires it, the Twisted habit the text points out
 * ({@code d, self.deferred = self.deferred, None}): whatever happens afterwards, this factory
 * cannot fire it twice.
 *
 * <p><b>Threading:</b> the reactor calls it on its thread, so the Deferred's callbacks run there.
 */
final class DeferredPoetryFactory extends PoetryClientFactory {
    /** Fired at most once, then null; reactor thread only. */
    private Deferred<String> deferred;

    DeferredPoetryFactory(PoemTask task, Deferred<String> deferred) {
        super(task);
        this.deferred = deferred;
    }

    @Override
    protected void poemFinished(byte[] poem) {
        if (deferred != null) {
            Deferred<String> d = deferred;
            deferred = null;
            d.callback(new String(poem, StandardCharsets.UTF_8));
        }
    }

    @Override
    protected void poemFailed(Throwable reason) {
        if (deferred != null) {
            Deferred<String> d = deferred;
            deferred = null;
            d.errback(reason);
        }
    }
}
