package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * A chain of calls on a virtual thread of its own, which the example can cancel, the Loom way, by
 * interrupting it, and which it always joins: the twins' form of a Deferred's chain when the code
 * above cancels it on the spot. (A {@code StructuredTaskScope} cancels by policy, by its joiner, its
 * timeout or its owner's interruption, and has no {@code cancel()} for the owner to call while it
 * waits; {@link Thread#interrupt()} is what it uses underneath, and what the Part 19 twins show.)
 *
 * {@snippet :
 * try (BChain chain = BChain.start("defer-cancel-2-loom", out, () -> {
 *     try {
 *         out.println("callback got: " + poem.await());  // parks here
 *     } catch (InterruptedException err) {
 *         out.println("errback got: " + err);             // the cancel arrives as an exception
 *     }
 * })) {
 *     poem.awaitWaiter(BReply.LIMIT);
 *     chain.cancel();
 * } // joins the chain
 * }
 *
 * <p>An exception that escapes the chain ends its thread and is printed at once, as the JVM's
 * default handler prints it ({@code Exception in thread "NAME" ...}), but to the example's output.
 *
 * <p><b>Threading:</b> {@link #start}, {@link #cancel}, {@link #join} and {@link #close} are for
 * the thread that started the chain; the body runs on the chain's virtual thread. Everything the
 * body did happens-before {@link #join} or {@link #close} returns.
 */
final class BChain implements AutoCloseable {

    /** The chain's code: blocking calls, plain values, exceptions. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private final Thread thread;

    private BChain(Thread thread) {
        this.thread = thread;
    }

    /** Starts {@code body} on a new virtual thread called {@code name}. */
    static BChain start(String name, PrintStream out, Body body) {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(body, "body");
        return new BChain(Thread.ofVirtual().name(name).start(() -> {
            try {
                body.run();
            } catch (Exception escaped) {
                out.print("Exception in thread \"" + name + "\" ");
                escaped.printStackTrace(out);
            }
        }));
    }

    /**
     * The chain of the Part 19 twins, the original's {@code addCallbacks(callback, errback)}:
     * prints what {@code call} returns ({@code callback got: ...}) or the exception it throws
     * ({@code errback got: ...}), a cancel included.
     */
    static Body callbacks(Callable<String> call, PrintStream out) {
        return () -> {
            String res;
            try {
                res = call.call();
            } catch (Exception err) {
                out.println("errback got: " + err);
                return;
            }
            out.println("callback got: " + res);
        };
    }

    /** Cancels the chain: interrupts its thread, which throws where it is parked. No effect once it ended. */
    void cancel() {
        thread.interrupt();
    }

    /** Cancels the chain once it is parked waiting for {@code reply}, as the originals cancel a Deferred that waits. */
    void cancelWhenWaiting(BReply<?> reply) throws InterruptedException {
        reply.awaitWaiter(BReply.LIMIT);
        cancel();
    }

    /**
     * Waits for the chain to end.
     *
     * @throws IllegalStateException if it has not ended within {@link BReply#LIMIT}; it is then
     *         interrupted and joined, so that the thread does not outlive the example
     */
    void join() throws InterruptedException {
        if (!thread.join(BReply.LIMIT)) {
            thread.interrupt();
            thread.join();
            throw new IllegalStateException(thread.getName() + " was still running after " + BReply.LIMIT);
        }
    }

    /** {@link #join()}: the chain's thread never outlives its owner's block. */
    @Override
    public void close() throws InterruptedException {
        join();
    }
}
