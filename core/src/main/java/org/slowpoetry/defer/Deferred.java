package org.slowpoetry.defer;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slowpoetry.reactor.DelayedCall;
import org.slowpoetry.reactor.EventLoop;

/**
 * A result that has not come yet: Twisted's {@code Deferred} (Parts 7 to 10, 13, 18 and 19). It
 * holds two lines of callbacks, one for results and one for failures, added in pairs ("stages");
 * firing it with {@link #callback} or {@link #errback} runs them in order, each stage getting
 * what the one before produced.
 *
 * {@snippet :
 * Deferred<String> d = new Deferred<>();
 * d.addCallbacks(poem -> { System.out.println(poem); return null; },
 *                err -> { System.err.println("No poetry for you."); return null; });
 * d.addBoth(ignored -> { System.out.println("Finished"); return null; });
 * d.callback("This poem is short.");
 * }
 *
 * <h2>The firing rules (Part 9)</h2>
 * <ul>
 * <li>Stage 0 runs when the Deferred is fired: its callback for {@link #callback}, its errback for
 *     {@link #errback}. A Deferred is fired once; a second firing throws
 *     {@link AlreadyCalledException}.
 * <li>Whatever a callback or errback does decides which member of the next stage runs. It
 *     <em>fails</em> if it throws (the Deferred catches everything, like
 *     {@code CompletableFuture}, and wraps it in a {@link Failure}) or returns a {@link Failure};
 *     the next stage's errback then gets that Failure. Otherwise it <em>succeeds</em> and the next
 *     stage's callback gets its return value. So an errback "handles" an error by returning
 *     normally, and "re-raises" it by returning its argument or throwing (for example through
 *     {@link Failure#trap}).
 * <li>If it returns another Deferred, this one <em>pauses</em> until that one has a result, which
 *     then carries on down this chain (Part 13). The inner Deferred's result is taken over: it
 *     is left holding {@code null}.
 * <li>Callbacks added after the Deferred has fired run at once, in the call that adds them.
 * <li>A Deferred that is garbage collected while its last result is a Failure logs
 *     {@code Unhandled error in Deferred:} and the traceback.
 * </ul>
 *
 * <h2>Types</h2>
 * As in Twisted, the result can change type at every stage, which Java generics cannot follow
 * through one object. {@code T} is the type this Deferred is fired with, and so what the first
 * callback receives. There are two ways to add callbacks:
 * <ul>
 * <li>Twisted's four methods, {@link #addCallbacks}, {@link #addCallback}, {@link #addErrback},
 *     {@link #addBoth}, with exactly Twisted's rules: a callback may return a value, a
 *     {@code Failure} or a {@code Deferred}, so what comes next is only known at run time and they
 *     return this Deferred as a {@code Deferred<Object>}.
 * <li>Typed variants in the style of {@code CompletableFuture} and Guava, for code that knows
 *     its types: {@link #thenApply} (a plain value; returning a Deferred or a Failure from it is a
 *     bug, reported as a failure), {@link #thenCompose} (a Deferred to wait for) and
 *     {@link #catching} (handle one exception type). They return this Deferred typed for the next
 *     stage, so chains need no casts.
 * </ul>
 * Every one of them returns {@code this}, re-typed, not a new Deferred. This is what Twisted's own
 * type hints do, and it keeps the one-object semantics the text relies on (adding to the returned
 * reference adds to this chain, cancelling it cancels this Deferred). The price: once a stage
 * changes the type, add the next stages through the reference it returned, not through the old
 * one. A lambda typed for the old {@code T} that receives something else fails with a
 * {@link ClassCastException} (caught and sent down the errback line like any other exception).
 * {@code null} results, which the text's print-only callbacks produce, fit every type.
 *
 * <h2>Cancellation (Part 19)</h2>
 * {@link #cancel()} asks for the result not to be delivered. A Deferred without a result calls its
 * canceller (given to the constructor), which may stop the work and may fire the Deferred itself;
 * if it did not, the Deferred fails with {@link CancelledException}. A Deferred paused on an inner
 * Deferred cancels the inner one instead. A fired Deferred ignores {@code cancel()}. A Deferred
 * cancelled with no canceller swallows the one late {@code callback} or {@code errback} its
 * producer will presumably still make.
 *
 * <p><b>Threading:</b> not thread-safe, and by design: every method is called on the event loop's
 * thread, or the Deferred is used without a reactor, on one thread, as the text's examples do. The
 * Deferred cannot check this itself (it does not know a loop); the methods that take an
 * {@link EventLoop} check it, and {@link InlineCallbacks} bodies call it with the loop's baton (see
 * there). Callbacks run on the thread that fires the Deferred or adds them to a fired one. To
 * fire a Deferred from another thread, hop onto the loop with {@link EventLoop#callFromThread}.
 *
 * @param <T> the type of the result this Deferred is fired with
 */
public final class Deferred<T> {

    /* Implementation overview
     *
     * steps is the chain: Stage(callback, errback) pairs, and Resume markers. result is the
     * current result: a value, a Failure, or, while this Deferred waits on another one, that other
     * Deferred. runCallbacks() is Twisted's _runCallbacks in our own words: an explicit stack
     * ("chain") instead of recursion. When a callback returns an inner Deferred that has no result
     * yet, the outer one stores it as its result (which pauses it) and appends Resume(outer) to the
     * inner's steps. When the inner one reaches that marker, it hands its current result to the
     * outer one and pushes the outer one on the stack, so the loop goes on running the outer chain
     * without a nested call. Hence a chain of 10,000 Deferreds, each waiting on the next, unwinds
     * at constant stack depth. An inner Deferred that already has its result is not waited on at
     * all: its result is taken over on the spot. The stack is a local "current" plus an
     * ArrayDeque ("below") made only when a Resume first needs it: firing a chain that never
     * waits allocates nothing for the loop.
     *
     * running is a re-entrancy guard, true while one of our callbacks is being called: a callback
     * that adds a callback to its own Deferred (or fires something that leads back here) must not
     * start a second loop over the same steps; the running loop will reach the new step.
     *
     * The fast path (addCallbacks on a fired Deferred with no steps queued, not paused, not
     * waiting, not running) skips the queue: the new stage is the only work the loop would find,
     * so it is run directly (runStage), with no Stage record and no chain stack allocated. It is
     * the same steps in the same order: steps the callback added re-entrantly are drained
     * afterwards as the loop would, and the general loop (runChain) is entered only if that drain
     * meets a Resume marker. A chain built on a fired Deferred (succeed(x).addCallback(...)...)
     * thus costs one callback call per stage.
     *
     * Two kinds of pause are kept apart, unlike Twisted's one counter: pauses counts the user's
     * pause() calls, and "waiting on an inner Deferred" is result instanceof Deferred. So an
     * unmatched unpause() can be refused instead of silently releasing a chain pause.
     *
     * Each time the loop leaves a Deferred, it tells the Deferred's UnhandledFailure holder
     * whether its result is now a Failure; the holder reports it if the Deferred is collected in
     * that state. Results handed over to an outer Deferred (Resume, or taken over) are cleared
     * from the inner one first, so only the outer one can report them.
     */

    private static final Callback<Object, Object> PASS_THROUGH = result -> result;

    private enum State {
        /** No result yet. */
        PENDING,
        /** Fired (and running, paused, waiting or done). */
        CALLED,
        /**
         * Fired by {@link #cancel()} with no canceller: the producer's first late {@code callback}
         * or {@code errback} is swallowed (then CALLED), the next one throws.
         */
        CANCELLED
    }

    private sealed interface Step permits Stage, Resume {
    }

    /** A callback/errback pair: one stage of the chain. */
    private record Stage(Callback<Object, ?> onResult, Callback<Object, ?> onFailure) implements Step {
    }

    /** Marker in an inner Deferred's steps: hand the current result to {@code waiter}. */
    private record Resume(Deferred<?> waiter) implements Step {
    }

    /** Stages not run yet. Appended by add*, drained by runCallbacks; loop thread. */
    private final ArrayDeque<Step> steps = new ArrayDeque<>();
    /** Written by firing and cancel; read by everything; loop thread. */
    private State state = State.PENDING;
    /** Value, Failure, or the Deferred waited on. Meaningless while PENDING; loop thread. */
    private Object result;
    /** Unmatched pause() calls; loop thread. */
    private int pauses;
    /** True while one of this Deferred's callbacks is executing; loop thread. */
    private boolean running;
    /** Called by cancel() while PENDING; dropped once fired, so it is not kept alive. Loop thread. */
    private Consumer<? super Deferred<T>> canceller;
    /** Created the first time the result is left a Failure; loop thread (see UnhandledFailure). */
    private UnhandledFailure unhandled;

    /** A Deferred without a canceller: {@link #cancel()} makes it fail with {@link CancelledException}. */
    public Deferred() {
        this.canceller = null;
    }

    /**
     * A Deferred whose {@link #cancel()} first calls {@code canceller} with it: the producer's
     * chance to stop the work (close the connection, cancel the timer) and, if it wants, to fire
     * the Deferred with a result or failure of its choosing. If the canceller leaves it unfired,
     * it fails with {@link CancelledException}.
     */
    public Deferred(Consumer<? super Deferred<T>> canceller) {
        this.canceller = Objects.requireNonNull(canceller, "canceller");
    }

    // ------------------------------------------------------------------ static helpers

    /** A Deferred that already has {@code result}: for synchronous code behind an asynchronous API. */
    public static <T> Deferred<T> succeed(T result) {
        Deferred<T> d = new Deferred<>();
        d.callback(result);
        return d;
    }

    /** A Deferred that has already failed with {@code error}. */
    public static <T> Deferred<T> fail(Throwable error) {
        return fail(Failure.of(error));
    }

    /** A Deferred that has already failed with {@code failure}. */
    public static <T> Deferred<T> fail(Failure failure) {
        Deferred<T> d = new Deferred<>();
        d.errback(failure);
        return d;
    }

    /**
     * Calls {@code fn}, which may return a value, a {@link Failure} or a Deferred, or throw, and
     * gives back a Deferred in every case: the one {@code fn} returned, or one already fired with
     * its value or failure. Twisted's {@code maybeDeferred}.
     */
    public static Deferred<Object> maybeDeferred(Callable<?> fn) {
        Objects.requireNonNull(fn, "fn");
        Object outcome;
        try {
            outcome = fn.call();
        } catch (Throwable t) {
            return fail(t);
        }
        if (outcome instanceof Deferred<?> d) {
            return d.retyped();
        }
        if (outcome instanceof Failure f) {
            return fail(f);
        }
        return succeed(outcome);
    }

    /**
     * A Deferred for the results of all {@code deferreds}, in the order given, which fails with a
     * {@link FirstErrorException} as soon as one of them fails. Twisted's {@code gatherResults}:
     * a {@link DeferredList} with {@link DeferredList.Option#FIRE_ON_ONE_ERRBACK}, unpacked.
     * Cancelling it cancels all of them.
     *
     * @param consumeErrors whether a failure is handled here (replaced by {@code null} on the
     *     failed Deferred), so that it is not also reported as unhandled
     */
    public static <T> Deferred<List<T>> gatherResults(List<? extends Deferred<? extends T>> deferreds,
            boolean consumeErrors) {
        return DeferredList.gather(deferreds, consumeErrors);
    }

    /**
     * A Deferred that fires, on the loop thread, when {@code future} completes: with its value,
     * or with its exception (unwrapped from {@code CompletionException}); a cancelled future gives
     * {@link CancelledException}. Cancelling the Deferred cancels the future. It fires from a
     * {@link EventLoop#callFromThread} task even if the future is already complete.
     *
     * @throws WrongThreadException if not called on the loop thread
     */
    public static <T> Deferred<T> fromFuture(CompletableFuture<? extends T> future, EventLoop loop) {
        return FutureBridge.fromFuture(future, loop);
    }

    // ------------------------------------------------------------------ firing

    /**
     * Fires the callback line with {@code result}.
     *
     * @throws AlreadyCalledException if this Deferred was fired before
     * @throws IllegalArgumentException if {@code result} is a Deferred (return it from a callback
     *     to chain instead)
     */
    public void callback(T result) {
        if (result instanceof Deferred<?>) {
            throw new IllegalArgumentException(
                    "a Deferred cannot be fired with a Deferred; return it from a callback to chain");
        }
        fire(result);
    }

    /**
     * Fires the errback line with {@code error}, wrapped in a {@link Failure}.
     *
     * @throws AlreadyCalledException if this Deferred was fired before
     */
    public void errback(Throwable error) {
        fire(Failure.of(error));
    }

    /**
     * Fires the errback line with {@code failure}.
     *
     * @throws AlreadyCalledException if this Deferred was fired before
     */
    public void errback(Failure failure) {
        fire(Objects.requireNonNull(failure, "failure"));
    }

    private void fire(Object first) {
        switch (state) {
            case PENDING -> start(first, State.CALLED);
            case CANCELLED -> state = State.CALLED; // the producer's late answer: swallowed, once
            case CALLED -> throw new AlreadyCalledException("Deferred has already been fired: " + this);
        }
    }

    private void start(Object first, State firedState) {
        state = firedState;
        canceller = null;
        result = first;
        runCallbacks();
    }

    /** Whether this Deferred has been fired (Twisted's {@code called}). */
    public boolean called() {
        return state != State.PENDING;
    }

    /** Whether its callbacks are held back: by {@link #pause()} or by waiting on an inner Deferred. */
    public boolean paused() {
        return pauses > 0 || result instanceof Deferred<?>;
    }

    // ------------------------------------------------------------------ adding callbacks

    /**
     * Adds a stage: {@code callback} for a result, {@code errback} for a {@link Failure}. Each
     * returns the next result: a value, a {@code Failure} to fail, or a Deferred to wait for; or
     * throws to fail. If this Deferred has fired, the stage runs now.
     *
     * @return this Deferred, typed for a next stage whose input is only known at run time
     */
    public Deferred<Object> addCallbacks(Callback<? super T, ?> callback, Callback<? super Failure, ?> errback) {
        Callback<Object, ?> onResult = erase(Objects.requireNonNull(callback, "callback"));
        Callback<Object, ?> onFailure = erase(Objects.requireNonNull(errback, "errback"));
        if (readyToRunAtOnce()) {
            runAtOnce(onResult, onFailure);
            return retyped();
        }
        steps.addLast(new Stage(onResult, onFailure));
        if (state != State.PENDING) {
            runCallbacks();
        }
        return retyped();
    }

    /** Adds a stage with {@code callback} and a pass-through errback. See {@link #addCallbacks}. */
    public Deferred<Object> addCallback(Callback<? super T, ?> callback) {
        return addCallbacks(callback, PASS_THROUGH);
    }

    /** Adds a stage with a pass-through callback and {@code errback}. See {@link #addCallbacks}. */
    public Deferred<Object> addErrback(Callback<? super Failure, ?> errback) {
        return addCallbacks(PASS_THROUGH, errback);
    }

    /**
     * Adds {@code fn} as both members of a stage: it receives a result or a {@link Failure},
     * like a {@code finally} block that sees what happened. See {@link #addCallbacks}.
     */
    public Deferred<Object> addBoth(Callback<Object, ?> fn) {
        return addCallbacks(fn, fn);
    }

    /**
     * Typed {@link #addCallback}: {@code fn} maps the result to a plain value (failures pass by).
     * If {@code fn} returns a Deferred or a {@link Failure}, the stage fails with an
     * {@link IllegalStateException}: use {@link #thenCompose}, or throw.
     */
    public <R> Deferred<R> thenApply(Callback<? super T, ? extends R> fn) {
        Objects.requireNonNull(fn, "fn");
        addCallback(value -> plain(fn.call(value), "thenApply"));
        return retyped();
    }

    /**
     * Typed {@link #addCallback} for asynchronous steps: {@code fn} returns a Deferred, and this
     * chain waits for it and carries on with its result (failures pass by).
     */
    public <R> Deferred<R> thenCompose(Callback<? super T, ? extends Deferred<? extends R>> fn) {
        Objects.requireNonNull(fn, "fn");
        addCallback(value -> Objects.requireNonNull(fn.call(value), "thenCompose function returned null"));
        return retyped();
    }

    /**
     * Typed {@link #addErrback}: a failure whose exception is a {@code type} is handed to
     * {@code handler}, whose return value replaces it; other failures and results pass by. The
     * handler may throw (to fail differently); like {@link #thenApply}, it must return a plain
     * value.
     */
    public <X extends Throwable> Deferred<T> catching(Class<X> type, Callback<? super X, ? extends T> handler) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(handler, "handler");
        addErrback(failure -> type.isInstance(failure.value())
                ? plain(handler.call(type.cast(failure.value())), "catching")
                : failure);
        return retyped();
    }

    /**
     * Makes {@code other} fire with whatever this chain produces at this point: a shorthand for
     * {@code addCallbacks(other::callback, other::errback)}. The result here becomes {@code null};
     * firing {@code other} does not affect this Deferred.
     */
    public Deferred<Void> chainDeferred(Deferred<? super T> other) {
        Objects.requireNonNull(other, "other");
        if (other == this) {
            throw new IllegalArgumentException("a Deferred cannot be chained to itself");
        }
        addCallbacks(value -> {
            other.callback(value);
            return null;
        }, failure -> {
            other.errback(failure);
            return null;
        });
        return retyped();
    }

    private static Object plain(Object next, String method) {
        if (next instanceof Deferred<?> || next instanceof Failure) {
            throw new IllegalStateException(method + " function returned a "
                    + next.getClass().getSimpleName() + "; use thenCompose to wait, throw to fail");
        }
        return next;
    }

    // ------------------------------------------------------------------ pausing

    /** Holds back the callbacks until a matching {@link #unpause()}; calls nest. */
    public void pause() {
        pauses++;
    }

    /**
     * Undoes one {@link #pause()}; the last one runs the callbacks held back.
     *
     * @throws IllegalStateException if there is no unmatched {@code pause()}
     */
    public void unpause() {
        if (pauses == 0) {
            throw new IllegalStateException("unpause() without a matching pause()");
        }
        pauses--;
        if (pauses == 0 && state != State.PENDING) {
            runCallbacks();
        }
    }

    // ------------------------------------------------------------------ cancelling

    /**
     * Says the result is no longer wanted (Part 19). Not fired: calls the canceller; unless that
     * fired this Deferred, fails it with {@link CancelledException}. Fired but waiting on an inner
     * Deferred: cancels the inner one. Otherwise: does nothing. An exception from the canceller
     * propagates to the caller and leaves the Deferred unfired.
     */
    public void cancel() {
        switch (state) {
            case PENDING -> {
                Consumer<? super Deferred<T>> stopWork = canceller;
                if (stopWork == null) {
                    start(Failure.of(new CancelledException()), State.CANCELLED);
                    return;
                }
                stopWork.accept(this);
                if (state == State.PENDING) {
                    errback(new CancelledException());
                }
            }
            case CALLED, CANCELLED -> {
                if (result instanceof Deferred<?> inner) {
                    inner.cancel();
                }
            }
        }
    }

    /**
     * Cancels this Deferred if it has no result after {@code timeout} on {@code loop}, and then
     * turns the resulting {@link CancelledException} into a {@link TimeoutException}. A result
     * or failure that comes first cancels the timer. Like Twisted's {@code addTimeout}, it covers
     * the stages added before this call, not those added after; a canceller that fires the
     * Deferred with something else wins over the timeout.
     *
     * <p>{@code TimeoutException} is {@code java.util.concurrent}'s: the type every Java caller
     * already checks for, and the one {@code CompletableFuture.orTimeout} uses.
     *
     * @return this Deferred
     * @throws WrongThreadException if not called on the loop thread
     */
    public Deferred<T> addTimeout(Duration timeout, EventLoop loop) {
        Objects.requireNonNull(timeout, "timeout");
        FutureBridge.requireLoopThread(loop, "addTimeout");
        boolean[] timedOut = {false}; // loop thread
        DelayedCall timer = loop.callLater(timeout, () -> {
            timedOut[0] = true;
            cancel();
        });
        addBoth(outcome -> {
            if (timedOut[0] && outcome instanceof Failure failure) {
                failure.trap(CancelledException.class);
                throw new TimeoutException("Deferred timed out after " + timeout);
            }
            return outcome;
        });
        addBoth(outcome -> {
            if (timer.active()) {
                timer.cancel();
            }
            return outcome;
        });
        return this;
    }

    /**
     * A {@code CompletableFuture} completed, on the loop thread, with this Deferred's result or
     * failure (the exception itself). Like Twisted's {@code asFuture} it takes the outcome over:
     * this chain's result becomes {@code null}, so a failure is not reported twice. Cancelling
     * the future, from any thread, cancels this Deferred on the loop thread.
     *
     * @throws WrongThreadException if not called on the loop thread
     */
    public CompletableFuture<T> toCompletableFuture(EventLoop loop) {
        return FutureBridge.toFuture(this, loop);
    }

    // ------------------------------------------------------------------ package internals

    /**
     * Fires this pending Deferred so that it waits on {@code other}, as if a first callback had
     * returned it. Used by {@link InlineCallbacks} to hand a cancelled run's result over to a
     * fresh Deferred that the body will fire.
     */
    void fireWaitingOn(Deferred<?> other) {
        assert state == State.PENDING : "fireWaitingOn on a fired Deferred";
        steps.addFirst(new Stage(ignored -> other, ignored -> other));
        start(null, State.CALLED);
    }

    /** The Failure this Deferred would report if collected now, or {@code null}: for tests. */
    Failure unhandledFailure() {
        return unhandled == null ? null : unhandled.held();
    }

    @SuppressWarnings("unchecked")
    private <R> Deferred<R> retyped() {
        return (Deferred<R>) this;
    }

    @SuppressWarnings("unchecked")
    private static Callback<Object, ?> erase(Callback<?, ?> fn) {
        return (Callback<Object, ?>) fn;
    }

    // ------------------------------------------------------------------ the loop

    /**
     * Whether a stage added now would be the only thing to run: fired, nothing queued, not paused
     * or waiting, and no callback of ours on the stack. Then the fast path may run it directly.
     */
    private boolean readyToRunAtOnce() {
        return state != State.PENDING && !running && steps.isEmpty() && !paused();
    }

    /**
     * The fast path: what {@link #runCallbacks} would do for one new stage on a fired, idle
     * Deferred, without queueing a Stage or allocating the chain stack. Steps that the stage's
     * callback added while it ran (re-entrancy) are drained right after it, as the loop would;
     * only if that drain reaches a Resume marker does the general loop take over.
     */
    private void runAtOnce(Callback<Object, ?> onResult, Callback<Object, ?> onFailure) {
        if (runStage(onResult, onFailure)) {
            noteResult(); // now waiting on an inner Deferred
            return;
        }
        Deferred<?> waiter = drain();
        if (waiter == null) {
            noteResult();
        } else {
            runChain(waiter);
        }
    }

    private void runCallbacks() {
        if (running) {
            return; // a callback of ours is on the stack; its loop will reach the new steps
        }
        runChain(null);
    }

    /**
     * Runs this Deferred's steps and, through Resume markers, those of the Deferreds waiting on
     * it, at constant stack depth. {@code resumed}, if not null, is a waiter this Deferred has
     * already handed its result to: it runs first, then this one goes on.
     */
    private void runChain(Deferred<?> resumed) {
        Deferred<?> current = this;
        ArrayDeque<Deferred<?>> below = null; // the rest of the stack, made only when a Resume needs it
        if (resumed != null) {
            below = new ArrayDeque<>();
            below.push(this);
            current = resumed;
        }
        while (current != null) {
            if (current.paused()) {
                return; // everything below it on the stack waits for it
            }
            Deferred<?> waiter = current.drain();
            if (waiter != null) {
                if (below == null) {
                    below = new ArrayDeque<>();
                }
                below.push(current);
                current = waiter;
            } else {
                current.noteResult();
                current = below == null ? null : below.poll();
            }
        }
    }

    /**
     * Runs queued steps until they are used up, a stage leaves this Deferred waiting on an inner
     * one (both: returns null), or a Resume marker hands the result to its waiter (returns the
     * waiter, which must run next; this Deferred's remaining steps wait until it is done).
     */
    private Deferred<?> drain() {
        Step step;
        while ((step = steps.pollFirst()) != null) {
            if (step instanceof Resume(Deferred<?> waiter)) {
                waiter.result = result;
                result = null;
                clearUnhandled();
                return waiter;
            }
            Stage stage = (Stage) step;
            if (runStage(stage.onResult(), stage.onFailure())) {
                return null;
            }
        }
        return null;
    }

    /**
     * Runs one stage on the current result and stores the next one. Returns true if the stage
     * returned an inner Deferred without a result yet: this one now waits on it (a Resume marker
     * is queued on the inner one). An inner Deferred with its result is taken over on the spot.
     */
    private boolean runStage(Callback<Object, ?> onResult, Callback<Object, ?> onFailure) {
        Object next = invoke(result instanceof Failure ? onFailure : onResult);
        if (next instanceof Deferred<?> inner) {
            if (inner.state == State.PENDING || inner.paused() || inner.running) {
                result = inner; // wait for it
                inner.steps.addLast(new Resume(this));
                return true;
            }
            next = inner.result; // it has its result already: take it over
            inner.result = null;
            inner.clearUnhandled();
        }
        result = next;
        return false;
    }

    /** Calls one callback with the current result and returns the next result. */
    private Object invoke(Callback<Object, ?> fn) {
        running = true;
        Object next;
        try {
            next = fn.call(result);
        } catch (Throwable t) {
            next = Failure.of(t);
        } finally {
            running = false;
        }
        if (next == this) {
            next = Failure.of(new IllegalStateException("a callback returned the Deferred it was added to"));
        }
        return next;
    }

    private void noteResult() {
        if (result instanceof Failure failure) {
            if (unhandled == null) {
                unhandled = new UnhandledFailure();
            }
            unhandled.track(this, failure);
        } else {
            clearUnhandled();
        }
    }

    private void clearUnhandled() {
        if (unhandled != null) {
            unhandled.clear();
        }
    }

    /**
     * {@code Deferred@1b6d3586}, then {@code  current result: ...} once fired, or
     * {@code  waiting on Deferred@...} while paused on an inner Deferred.
     */
    @Override
    public String toString() {
        String name = "Deferred@" + Integer.toHexString(System.identityHashCode(this));
        if (state == State.PENDING) {
            return "<" + name + ">";
        }
        if (result instanceof Deferred<?> inner) {
            return "<" + name + " waiting on Deferred@" + Integer.toHexString(System.identityHashCode(inner)) + ">";
        }
        return "<" + name + " current result: " + result + ">";
    }
}
