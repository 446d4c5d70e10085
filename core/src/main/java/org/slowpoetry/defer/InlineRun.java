package org.slowpoetry.defer;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.reactor.EventLoop;
import org.slowpoetry.reactor.LoopOwnership;

/**
 * One run of an {@link InlineCallbacks} body: the driver half on the loop side, the body half on
 * its virtual thread, and the messages between them. See the implementation overview in
 * {@link InlineCallbacks}.
 *
 * <p><b>Threading:</b> the driver fields ({@code phase}, {@code target}, {@code waitingOn},
 * {@code resultAtOnce}) are read and written by whichever thread drives: the loop thread, or a
 * thread holding the loop's baton. The body half touches none of them. The {@link Handoff} orders
 * everything.
 */
final class InlineRun<T> {
    private static final Logger LOG = LoggerFactory.getLogger(InlineCallbacks.class);
    private static final AtomicLong IDS = new AtomicLong();

    /** Down to the body: the awaited Deferred's outcome, a value or a {@link Failure}. */
    record Resume(Object outcome) {
    }

    /** Up to the driver. */
    sealed interface Up permits Await, Return, Raise {
    }

    /** The body awaits {@code deferred}. */
    record Await(Deferred<?> deferred) implements Up {
    }

    /** The body returned {@code value}. */
    record Return(Object value) implements Up {
    }

    /** The body threw. */
    record Raise(Failure failure) implements Up {
    }

    private enum Phase {
        /** The body holds the baton. */
        BODY_RUNNING,
        /** The driver is adding its callback to the awaited Deferred. */
        REGISTERING,
        /** ...and the callback ran during that: the Deferred had its result already. */
        GOT_RESULT_AT_ONCE,
        /** The body is parked until the awaited Deferred fires. */
        WAITING,
        /** The body has ended. */
        DONE
    }

    final EventLoop loop;
    /** The loop, lent by the thread that started the run; the body holds it while it runs. */
    private final LoopOwnership lent;
    private final Handoff<Resume, Up> handoff;
    private final Awaiter awaiter = new Awaiter(this);
    /** Returned by run(); driver side. */
    private final Deferred<T> result;
    /** The Deferred the body's outcome will fire: result, or its stand-in after a cancel. */
    private Deferred<T> target;
    private Phase phase = Phase.BODY_RUNNING;
    /** The awaited Deferred while WAITING, else null. */
    private Deferred<?> waitingOn;
    /** The outcome captured in GOT_RESULT_AT_ONCE. */
    private Object resultAtOnce;

    InlineRun(EventLoop loop, InlineCallbacks.Body<T> body) {
        this.loop = loop;
        this.lent = LoopOwnership.lend(loop);
        this.handoff = new Handoff<>("inline-callbacks-" + IDS.incrementAndGet(),
                first -> runBody(body), t -> new Raise(Failure.of(t)));
        this.result = new Deferred<>(this::cancelled);
        this.target = result;
    }

    Deferred<T> start() {
        drive(new Resume(null));
        return result;
    }

    // ------------------------------------------------------------------ body thread

    private Up runBody(InlineCallbacks.Body<T> body) {
        try {
            return new Return(lent.runHolding(() -> body.run(awaiter)));
        } catch (Throwable t) {
            return new Raise(Failure.of(t));
        }
    }

    @SuppressWarnings("unchecked")
    <X> X await(Deferred<? extends X> deferred) throws Exception {
        Objects.requireNonNull(deferred, "deferred");
        if (!handoff.isCoroutineThread()) {
            throw new WrongThreadException(loop.inEventLoop()
                    ? "await called on the event loop thread outside an InlineCallbacks body: it would block the loop"
                    : "await called on " + Thread.currentThread() + ", not on this InlineCallbacks body's thread");
        }
        Resume resumed = handoff.yieldToDriver(new Await(deferred));
        if (resumed.outcome() instanceof Failure failure) {
            throw failure.rethrow();
        }
        return (X) resumed.outcome();
    }

    // ------------------------------------------------------------------ driver side

    /** Passes the baton to the body until it awaits a Deferred without a result, or ends. */
    private void drive(Resume first) {
        Resume next = first;
        while (true) {
            phase = Phase.BODY_RUNNING;
            switch (handoff.resume(next)) {
                case Return(Object value) -> {
                    finish(value);
                    return;
                }
                case Raise(Failure failure) -> {
                    phase = Phase.DONE;
                    deliver(failure);
                    return;
                }
                case Await(Deferred<?> deferred) -> {
                    phase = Phase.REGISTERING;
                    deferred.addBoth(outcome -> {
                        arrived(deferred, outcome);
                        return null; // the body has taken the outcome over
                    });
                    if (phase == Phase.GOT_RESULT_AT_ONCE) {
                        next = new Resume(resultAtOnce);
                        resultAtOnce = null;
                        continue;
                    }
                    phase = Phase.WAITING;
                    waitingOn = deferred;
                    return;
                }
            }
        }
    }

    private void arrived(Deferred<?> deferred, Object outcome) {
        if (phase == Phase.REGISTERING) {
            resultAtOnce = outcome;
            phase = Phase.GOT_RESULT_AT_ONCE;
            return;
        }
        assert phase == Phase.WAITING && waitingOn == deferred : phase;
        waitingOn = null;
        drive(new Resume(outcome));
    }

    private void finish(Object value) {
        phase = Phase.DONE;
        if (value instanceof Deferred<?>) {
            deliver(Failure.of(new IllegalStateException(
                    "an InlineCallbacks body returned a Deferred; await it and return its result")));
            return;
        }
        if (target.called()) {
            LOG.debug("InlineCallbacks result already fired (the body cancelled it); dropping {}", value);
            return;
        }
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        target.callback(typed);
    }

    private void deliver(Failure failure) {
        if (target.called()) {
            LOG.warn("InlineCallbacks body failed after its result was fired: {}", failure.getTraceback());
            return;
        }
        target.errback(failure);
    }

    /** The canceller of result (and of every stand-in). */
    private void cancelled(Deferred<T> cancelledTarget) {
        if (phase != Phase.WAITING) {
            return; // the body itself cancelled its own result; Deferred.cancel() fails it
        }
        assert cancelledTarget == target;
        Deferred<T> standIn = new Deferred<>(this::cancelled);
        target = standIn;
        cancelledTarget.fireWaitingOn(standIn);
        waitingOn.cancel(); // resumes the body (CancelledException at its await) via arrived()
    }
}
