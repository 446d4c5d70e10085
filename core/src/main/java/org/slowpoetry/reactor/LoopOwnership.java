package org.slowpoetry.reactor;

import java.util.Objects;

/**
 * Who may call an {@link EventLoop}'s loop-only methods: the loop's own thread, and code that
 * currently <em>holds the loop</em> (its baton). Holding is how a hand-off runs loop code on
 * another thread: the loop thread lends the loop ({@link #lend}) to code that runs elsewhere while
 * the loop thread is parked waiting for it; inside {@link #runHolding} that code counts as the loop
 * thread. An {@code InlineCallbacks} body holds its loop this way, which is how it may call
 * {@code callLater} or {@code connectTCP} as Twisted's generators do.
 *
 * {@snippet :
 * LoopOwnership lent = LoopOwnership.lend(loop);               // on the loop thread
 * Thread body = Thread.ofVirtual().start(() -> lent.runHolding(
 *         () -> loop.callLater(Duration.ofSeconds(1), task))); // allowed: this code holds the loop
 * body.join();                                                 // the loop thread waits meanwhile
 * }
 *
 * <p>Every {@link EventLoop} answers {@link EventLoop#inEventLoop()} with
 * {@link #inEventLoop(EventLoop, Thread)}, so the rule is one rule for all of them.
 *
 * <p><b>Threading:</b> {@link #lend} must be called where the loop's {@code inEventLoop()} is true,
 * and throws {@link WrongThreadException} elsewhere. {@link #runHolding} and
 * {@link #inEventLoop(EventLoop, Thread)} may be called on any thread. The lender promises the
 * hand-off: while code runs holding the loop, the loop's thread is parked, and the two pass control
 * through something with a happens-before edge (a {@code SynchronousQueue}, a {@code join}), so
 * loop code never runs on two threads at once. Holding is not inherited: a thread that holding code
 * starts (a {@code StructuredTaskScope} fork included, though it inherits scoped values) does not
 * hold the loop. Instances are immutable.
 */
public final class LoopOwnership {

    /* Implementation overview
     *
     * A ScopedValue bound, for the extent of runHolding, to the loop and the thread that bound it.
     * Scoped, so holding ends exactly when the code returns or throws, with nothing to clean up;
     * the thread recorded alongside, because a ScopedValue binding is visible to forks of a
     * StructuredTaskScope, which are other threads the loop thread is not parked under.
     */

    /** Bound while code holds a loop: which loop, and on which thread. */
    private static final ScopedValue<Holding> HOLDING = ScopedValue.newInstance();

    private record Holding(EventLoop loop, Thread thread) {
    }

    private final EventLoop loop;

    private LoopOwnership(EventLoop loop) {
        this.loop = loop;
    }

    /**
     * Lends {@code loop} to code the caller is about to run elsewhere while it waits.
     *
     * @throws WrongThreadException unless the caller is in {@code loop}'s event loop (its thread,
     *     or code holding it)
     */
    public static LoopOwnership lend(EventLoop loop) {
        Objects.requireNonNull(loop, "loop");
        if (!loop.inEventLoop()) {
            throw new WrongThreadException("only the thread of " + loop + " (or code holding it) can lend it,"
                    + " not " + Thread.currentThread().getName());
        }
        return new LoopOwnership(loop);
    }

    /**
     * Runs {@code code} on the calling thread, holding the lent loop: for the loop, the calling
     * thread is in its event loop until {@code code} returns or throws.
     *
     * @return what {@code code} returns
     * @throws X what {@code code} throws
     */
    public <T, X extends Throwable> T runHolding(ScopedValue.CallableOp<? extends T, X> code) throws X {
        Objects.requireNonNull(code, "code");
        return ScopedValue.where(HOLDING, new Holding(loop, Thread.currentThread())).call(code);
    }

    /**
     * The rule for {@link EventLoop#inEventLoop()}: whether the calling thread is {@code owner}, the
     * loop's own thread, or runs code that holds {@code loop}.
     */
    public static boolean inEventLoop(EventLoop loop, Thread owner) {
        if (Thread.currentThread() == owner) {
            return true;
        }
        if (!HOLDING.isBound()) {
            return false;
        }
        Holding holding = HOLDING.get();
        return holding.loop() == loop && holding.thread() == Thread.currentThread();
    }

    @Override
    public String toString() {
        return "LoopOwnership[" + loop + "]";
    }
}
