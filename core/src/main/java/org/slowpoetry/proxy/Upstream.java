package org.slowpoetry.proxy;

import java.util.function.Consumer;
import org.slowpoetry.fetch.PoemResult;

/**
 * Where a {@link PoemCache} gets its poem: a way to start one download and to call it off. Each
 * style supplies its own, and the cache needs nothing else of it. The reactor's starts
 * {@code PoetryClient.getPoetry} on the loop and cancels the Deferred; the Loom one runs
 * {@code BlockingFetch.fetch} on a virtual thread and interrupts it.
 *
 * {@snippet :
 * Upstream upstream = whenDone -> {
 *     Deferred<byte[]> d = PoetryClient.getPoetry(reactor, address, settings);
 *     d.addCallbacks(poem -> { whenDone.accept(new PoemResult.Poem(poem)); return null; },
 *                    err -> { ... whenDone.accept(new PoemResult.Failed(why, partial)) ... });
 *     return d::cancel;                 // the cache calls this when nobody wants the poem any more
 * };
 * }
 *
 * <p><b>Threading:</b> the cache calls {@link #start} on the thread that asked it for a poem (the
 * reactor's loop, or a client's virtual thread), never under its lock; {@code start} must not
 * block. {@code whenDone} may be called on any thread, once, even before {@code start} returns.
 */
@FunctionalInterface
public interface Upstream {

    /**
     * Starts fetching the poem and returns at once. Tells {@code whenDone} how the download ended,
     * once; after {@link Download#cancel()} it may stay silent (the cache ignores a late result).
     */
    Download start(Consumer<PoemResult> whenDone);

    /**
     * A download in progress.
     *
     * <p><b>Threading:</b> {@link #cancel()} is called on the thread that withdrew the last
     * interest in the poem (the loop, for the reactor), never under the cache's lock.
     */
    @FunctionalInterface
    interface Download {
        /** Stops the download and closes its connection; does nothing once it has ended. */
        void cancel();
    }
}
