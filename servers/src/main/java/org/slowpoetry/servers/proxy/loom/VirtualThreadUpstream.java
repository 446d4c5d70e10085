package org.slowpoetry.servers.proxy.loom;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slowpoetry.fetch.BlockingFetch;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.fetch.PoemResult;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.proxy.Upstream;

/**
 * The Loom proxy's {@link Upstream}: each download is Part 2's blocking fetch
 * ({@link BlockingFetch}) on a virtual thread of its own, and cancelling it interrupts that thread,
 * which closes its socket at once: the upstream server sees the connection close.
 *
 * <p>Why a thread of its own, and not the thread of the client that asked first: with single
 * flight the download belongs to every client waiting for it, so it must not end with the first
 * client's connection. The cache cancels it when the last one leaves.
 *
 * <p><b>Threads</b> are named {@code PREFIX-upstream-N}. This object owns them: {@link #close()}
 * interrupts those still running and waits for them.
 *
 * <p><b>Threading:</b> thread-safe: {@link #start} is called on a client's virtual thread, the
 * download's {@code cancel()} on whichever thread withdrew the last ticket, {@link #close()} by the
 * server's accepting thread once no client thread is left.
 */
public final class VirtualThreadUpstream implements Upstream, AutoCloseable {
    private final Address address;
    private final FetchSettings settings;
    private final Thread.Builder threads;
    /** The download threads not yet ended: added by start, removed by each thread as it ends; close reads it. */
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();

    public VirtualThreadUpstream(Address address, FetchSettings settings, String threadPrefix) {
        this.address = Objects.requireNonNull(address, "address");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.threads = Thread.ofVirtual().name(threadPrefix + "-upstream-", 1);
    }

    @Override
    public Download start(Consumer<PoemResult> whenDone) {
        Thread thread = threads.unstarted(() -> {
            try {
                whenDone.accept(fetch());
            } catch (InterruptedException e) {
                // cancelled: the cache has let go of this download, nobody waits for a result
            } finally {
                running.remove(Thread.currentThread());
            }
        });
        running.add(thread);
        thread.start();
        return thread::interrupt;
    }

    private PoemResult fetch() throws InterruptedException {
        try {
            return new PoemResult.Poem(BlockingFetch.fetch(address, settings, chunk -> { }));
        } catch (FetchException e) {
            return new PoemResult.Failed(e.failure(), e.partial());
        }
    }

    /** Interrupts every download still running and waits for its thread to end. */
    @Override
    public void close() {
        boolean interrupted = false;
        for (Thread t : running) {
            t.interrupt();
        }
        for (Thread t : running) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true; // keep waiting: an owner does not leave its threads behind
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
