package org.slowpoetry.clients.tour.loom;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.ThreadFactory;

/**
 * {@code simple-loom}, the Loom twin of {@code simple} (Part 3): code with nothing to do, waiting.
 * The original's reactor waits in its selector for an event that never comes; here a virtual
 * thread waits in {@code accept()} for a connection that never comes (a server socket on
 * 127.0.0.1 nobody knows the port of).
 *
 * <p>A virtual thread blocked in I/O is parked: it is taken off its carrier thread, and the JDK's
 * poller (epoll on Linux, like the original's selector) watches its socket for it. So it costs no
 * CPU time and holds no platform thread while it waits. The twin shows that with the thread's own
 * description, which names a carrier only while the thread runs on one.
 *
 * <p><b>What differs.</b> The original measures the CPU time its loop thread used; a virtual
 * thread's CPU time cannot be read ({@code ThreadMXBean} measures platform threads only), so the
 * twin shows the parked state instead. Where the original stops its reactor with a
 * {@code callLater} after 1 s, the twin's scope has a timeout of half that, which cancels the
 * scope: the waiting thread is interrupted out of {@code accept()}, as any blocking call on a
 * virtual thread can be.
 *
 * <p><b>Threading:</b> {@link #run} owns the scope; the waiting runs on one virtual thread of it,
 * which has ended, and its socket closed, when {@code run} returns.
 */
public final class SimpleLoom extends LoomTwin {
    /** How long the thread waits: the scope's timeout. */
    private static final Duration IDLE = Duration.ofMillis(500);

    public SimpleLoom() {
        super("simple", 3, "a virtual thread blocked with nothing to do is parked: no carrier, no CPU");
    }

    @Override
    public void run(PrintStream out) throws IOException, InterruptedException {
        out.println("A virtual thread waits to accept a connection that never comes, with nothing else to do.");
        out.println("(The text's program waits until you press Control-C; this one's scope times out after 0.5 s.)");
        List<Thread> threads = new ArrayList<>(); // the scope's threads; fork calls the factory on the owner
        ThreadFactory recorded = task -> {
            Thread thread = Thread.ofVirtual().name("idle").unstarted(task);
            threads.add(thread);
            return thread;
        };
        try (var server = ServerSocketChannel.open();
                var scope = StructuredTaskScope.open(Joiner.<Void>awaitAll(),
                        config -> config.withThreadFactory(recorded).withTimeout(IDLE))) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            scope.fork(() -> waitForNothing(server, out));
            Thread idle = threads.getFirst();
            if (awaitParked(idle)) {
                out.println("While it waits it is parked, on no carrier thread: " + idle);
            } else {
                out.println("(It did not park within " + IDLE.toMillis() + " ms: " + idle + ")");
            }
            scope.join();
        } catch (StructuredTaskScope.TimeoutException e) {
            out.println("The scope timed out, and closing it ended the thread.");
        }
    }

    private static Void waitForNothing(ServerSocketChannel server, PrintStream out) throws IOException {
        try (var never = server.accept()) {
            out.println("(not reached: nobody connects) " + never);
        } catch (ClosedByInterruptException e) {
            out.println("The scope's timeout interrupted the wait: accept() threw " + e.getClass().getSimpleName() + ".");
            throw e;
        }
        return null;
    }

    /** Waits (at most {@link #IDLE}) until {@code thread} is parked; says whether it is. */
    private static boolean awaitParked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + IDLE.toNanos();
        while (thread.getState() != Thread.State.WAITING && System.nanoTime() - deadline < 0) {
            Thread.sleep(1);
        }
        return thread.getState() == Thread.State.WAITING;
    }
}
