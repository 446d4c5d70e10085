package org.slowpoetry.defer;

import java.util.Objects;
import org.slowpoetry.reactor.EventLoop;
import org.slowpoetry.reactor.LoopOwnership;

/**
 * Sequential code over Deferreds (Part 17): Twisted's {@code inlineCallbacks}, with a virtual
 * thread where Python has a generator. The body is ordinary blocking-looking code that calls
 * {@link Awaiter#await await(deferred)} wherever Twisted's generator would {@code yield} one:
 * the body stops there, the event loop carries on, and when the Deferred fires the body goes on
 * with its result, or with its exception thrown at the {@code await}.
 *
 * {@snippet :
 * Deferred<String> poem = InlineCallbacks.run(loop, ic -> {
 *     String text;
 *     try {
 *         text = ic.await(getPoetry(host, port));
 *     } catch (IOException e) {
 *         System.err.println("The poem download failed: " + e.getMessage());
 *         throw e;
 *     }
 *     try {
 *         text = ic.await(proxy.xform("cummingsify", text));
 *     } catch (Exception e) {
 *         System.err.println("Cummingsify failed!");
 *     }
 *     return text;                        // fires the returned Deferred
 * });
 * }
 *
 * <p>The rules, as in Twisted:
 * <ul>
 * <li>{@code run} runs the body at once, up to its first {@code await} of a Deferred without a
 *     result, and returns a Deferred for the body's outcome: the body's return value fires its
 *     callback line, an exception the body throws its errback line.
 * <li>Awaiting a Deferred that already has its result goes straight on, without giving the loop
 *     a turn (and without growing the stack, however many times it happens).
 * <li>{@code await} takes the Deferred's result over: the awaited Deferred is left with
 *     {@code null}, and a failure it had counts as handled (the body got it as an exception).
 * <li>Cancelling the returned Deferred cancels the Deferred the body is awaiting; the body sees
 *     the {@link CancelledException} at its {@code await} and may catch it and carry on; the
 *     returned Deferred then fires with whatever the body finally does.
 * <li>It does not change the rules of the game (Part 17's discussion): the body's code between
 *     two awaits is one callback. It runs while the loop waits for it, never at the same time as
 *     any other callback, and if it blocks, the loop is blocked.
 * </ul>
 *
 * <p><b>Threading:</b> {@link #run} must be called on the loop thread (it throws
 * {@link WrongThreadException} elsewhere); the body runs on a virtual thread of its own, but only
 * while the loop thread is parked waiting for it, so it may use Deferreds as freely as a callback
 * can. While it runs it holds the loop (its <em>baton</em>, lent with {@link LoopOwnership}), so
 * the loop's {@code inEventLoop()} is true on it and the body may call loop-only methods such as
 * {@code callLater} directly; threads the body starts do not hold the loop. {@link Awaiter#await}
 * throws {@code WrongThreadException} on any thread but the body's own, in particular on the loop
 * thread, where waiting would deadlock.
 */
public final class InlineCallbacks {

    /* Implementation overview: the hand-off
     *
     * Twisted drives a generator from callbacks: each time a yielded Deferred fires, a callback
     * calls generator.send(result), which runs the generator's code up to its next yield, on the
     * reactor's own stack, and returns. Java has no generators, but it has something better
     * suited: a virtual thread is a suspended computation that costs about as little as a
     * generator frame. The trick is to make the two threads behave like one.
     *
     * Two threads take turns through a Handoff, a pair of SynchronousQueues: the loop thread (the
     * driver) and the body's virtual thread (the coroutine). A put on one side only returns when
     * the other side has taken, and the sender then blocks at once in its own take; so at any
     * moment exactly one of them is running our code and the other is parked. A run goes:
     *
     *   loop thread                          body thread
     *   run(loop, body)
     *     drive: resume(Resume(null)) ------> body starts ... x = ic.await(d1)
     *        (parked)                              yieldToDriver(Await(d1))
     *     <------------------------------------ (parked)
     *     d1.addBoth(arrived); return
     *   ... the loop runs other callbacks, I/O, timers ...
     *   d1 fires: arrived(result)
     *     drive: resume(Resume(result)) ----> await returns result (or throws) ... return v
     *        (parked)                              Return(v)
     *     <------------------------------------ (thread ends)
     *     target.callback(v)
     *
     * The body's code between two awaits therefore runs *inside* the callback that fired the
     * awaited Deferred, exactly where Twisted's generator code runs, with the loop thread parked
     * underneath it. Nothing else happens in the program meanwhile: the body sees the same
     * single-threaded world a callback sees, and the SynchronousQueue's happens-before edges make
     * every write of one side visible to the other. This is why no field here is volatile or
     * locked: the hand-off is the lock.
     *
     * Already-fired Deferreds. If the awaited Deferred has its result already, addBoth calls
     * arrived() before returning. Calling drive() from there would recurse once per await, and a
     * body awaiting 10,000 fired Deferreds would overflow the stack; Twisted has the same problem
     * and the same cure. Before adding the callback, the driver sets phase = REGISTERING; arrived()
     * seeing that phase just stores the result (GOT_RESULT_AT_ONCE), and drive()'s loop resumes
     * the body with it on the next iteration. Only a result that arrives later (phase WAITING)
     * calls drive() from arrived().
     *
     * Cancellation. The returned Deferred's canceller cancels the Deferred the body awaits. The
     * body may catch the CancelledException and carry on, so the returned Deferred must not be
     * failed with CancelledException behind its back, and must still receive whatever the body
     * does next. Twisted solves this by firing the cancelled Deferred so that it waits on a fresh
     * one that the generator fires instead; we do the same with Deferred.fireWaitingOn: target
     * becomes a fresh Deferred (with this same canceller), the cancelled one is fired waiting on
     * it, and only then is the awaited Deferred cancelled, which resumes the body through the
     * usual path. Cancelling the returned Deferred again reaches the fresh one, since a Deferred
     * waiting on another forwards cancel() to it.
     *
     * The baton. Loop-only methods check EventLoop.inEventLoop(). The body is not the loop thread,
     * but the loop thread is parked under it, so it holds the loop: run() lends the loop
     * (LoopOwnership.lend, on the loop thread) and the body runs inside lent.runHolding, which
     * every EventLoop's inEventLoop() consults. The rule belongs to the reactor package; this
     * class only uses it.
     *
     * Ownership. The body's thread is owned by the run: it ends when the body returns or throws.
     * A body awaiting a Deferred that never fires stays parked (like a Twisted generator waiting
     * forever); cancelling the returned Deferred is how its owner ends it.
     */

    private InlineCallbacks() {
    }

    /**
     * The body of an inline-callbacks function: sequential code that awaits Deferreds through
     * {@code ic}.
     *
     * @param <T> what it returns
     */
    @FunctionalInterface
    public interface Body<T> {

        /** Runs the body; its return value or exception becomes the outcome of the run. */
        T run(Awaiter ic) throws Exception;
    }

    /**
     * Runs {@code body} until its first await of a Deferred that has no result, and returns a
     * Deferred for its outcome (already fired if the body finished without waiting).
     *
     * @throws WrongThreadException if not called on the loop thread
     */
    public static <T> Deferred<T> run(EventLoop loop, Body<T> body) {
        FutureBridge.requireLoopThread(loop, "InlineCallbacks.run");
        return new InlineRun<>(loop, Objects.requireNonNull(body, "body")).start();
    }
}
