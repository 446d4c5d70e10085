package org.slowpoetry.defer;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Python generator for Java (Part 17's {@code gen-1} to {@code gen-4}): a body of ordinary code
 * that {@linkplain Yielder#yield yields} values one at a time, run lazily as the consumer asks
 * for them. The body runs on a virtual thread of its own, through the same strict hand-off as
 * {@link InlineCallbacks}: the consumer and the body take turns and never run at the same time,
 * which is exactly the property Part 17 builds inline callbacks on.
 *
 * {@snippet :
 * try (var gen = Generator.<Integer>of(y -> {
 *     System.out.println("starting up");
 *     y.yield(1);
 *     System.out.println("workin'");
 *     y.yield(2);
 *     System.out.println("done");
 * })) {
 *     for (int n : gen) {
 *         System.out.println(n);
 *     }
 * }
 * }
 *
 * <p>Beyond iteration it has the other half of Python's generator protocol (gen-4):
 * {@link #send} resumes the body with a value that its pending {@code yield} returns, and
 * {@link #throwInto} resumes it by making that {@code yield} throw. {@link #close()} ends a body
 * that is still suspended, by throwing a {@code GeneratorExit} signal at its {@code yield} (an
 * {@link Error}, so ordinary {@code catch (Exception e)} blocks let it through while
 * {@code finally} blocks run); that ends the body's thread, which is why an abandoned generator
 * must be closed: use try-with-resources. A generator that has run to its end needs no closing.
 *
 * <p>An exception the body throws comes out of the consumer's call that resumed it
 * ({@link #next}, {@link #send}, {@link #throwInto}, {@link #close}): unchecked ones as they are,
 * checked ones inside a {@link FailureException}; the generator is then finished.
 *
 * <p>{@link #iterator()} returns the generator itself, so it can be iterated once, as in Python.
 *
 * <p><b>Threading:</b> not thread-safe: one consumer thread at a time calls the consumer methods;
 * the body runs on its own virtual thread, only while that consumer is parked waiting for it,
 * so the two share memory as if they were one thread. The consumer fields are confined to the
 * consumer.
 *
 * @param <T> the type of the values yielded
 */
public final class Generator<T> implements Iterator<T>, Iterable<T>, AutoCloseable {

    /* Implementation overview
     *
     * A Handoff<Down, Up>: the consumer is the driver, the body the coroutine (see Handoff and
     * the overview in InlineCallbacks, which uses the same baton). The consumer sends Send(value),
     * Throw(error) or Exit down; the body answers Yield(value) at each yield, and Return or
     * Raise(error) when it ends. The thread starts at the first resume, so a generator closed
     * before anything was asked of it never starts one. hasNext() must run the body to its next
     * yield to know the answer, so it keeps that value ("peeked") for next().
     */

    private static final AtomicLong IDS = new AtomicLong();

    /**
     * A generator's body.
     *
     * @param <T> the type of the values it yields
     */
    @FunctionalInterface
    public interface Body<T> {

        /** Runs the body, yielding values through {@code yielder}. */
        void run(Yielder<T> yielder) throws Exception;
    }

    private sealed interface Down permits Send, Throw, Exit {
    }

    private record Send(Object value) implements Down {
    }

    private record Throw(Throwable error) implements Down {
    }

    private record Exit() implements Down {
    }

    private sealed interface Up permits Yield, Return, Raise {
    }

    private record Yield(Object value) implements Up {
    }

    private record Return() implements Up {
    }

    private record Raise(Throwable error) implements Up {
    }

    private enum State {
        /** Created; the body has not started. */
        NEW,
        /** The body is parked at a yield. */
        SUSPENDED,
        /** The body has ended (returned, thrown or been closed), or never will start. */
        DONE
    }

    private final Handoff<Down, Up> handoff;
    /** Consumer side. */
    private State state = State.NEW;
    /** Whether hasNext() ran the body to a yield whose value next() has not returned yet. */
    private boolean peeked;
    private T peekedValue;
    /** An exception the body ended with, found by hasNext() and thrown by next(). */
    private Throwable pendingError;

    private Generator(Body<T> body) {
        Yielder<T> yielder = new Yielder<>(this);
        this.handoff = new Handoff<>("generator-" + IDS.incrementAndGet(),
                first -> runBody(body, yielder), Raise::new);
    }

    /** A generator that will run {@code body}, lazily, on its own virtual thread. */
    public static <T> Generator<T> of(Body<T> body) {
        return new Generator<>(Objects.requireNonNull(body, "body"));
    }

    // ------------------------------------------------------------------ body thread

    private Up runBody(Body<T> body, Yielder<T> yielder) {
        try {
            body.run(yielder);
            return new Return();
        } catch (GeneratorExit closed) {
            return new Return();
        } catch (Throwable t) {
            return new Raise(t);
        }
    }

    Object yieldFromBody(T value) throws Exception {
        if (!handoff.isCoroutineThread()) {
            throw new IllegalStateException("yield called outside the generator's body");
        }
        return switch (handoff.yieldToDriver(new Yield(value))) {
            case Send(Object sent) -> sent;
            case Throw(Throwable error) -> throw asException(error);
            case Exit() -> throw new GeneratorExit();
        };
    }

    private static Exception asException(Throwable error) {
        if (error instanceof Exception e) {
            return e;
        }
        if (error instanceof Error e) {
            throw e;
        }
        return new FailureException(Failure.of(error));
    }

    // ------------------------------------------------------------------ consumer side

    /** Runs the body to its next yield, if needed, to find out whether there is a next value. */
    @Override
    public boolean hasNext() {
        if (peeked || pendingError != null) {
            return true;
        }
        if (state == State.DONE) {
            return false;
        }
        switch (resume(new Send(null))) {
            case Yield(Object value) -> {
                peeked = true;
                peekedValue = cast(value);
                return true;
            }
            case Return() -> {
                return false;
            }
            case Raise(Throwable error) -> {
                pendingError = error;
                return true;
            }
        }
    }

    /**
     * The next value the body yields (Python's {@code next(gen)}).
     *
     * @throws NoSuchElementException if the body has ended
     * @throws FailureException carrying a checked exception the body ended with (an unchecked
     *     one is thrown as it is)
     */
    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the generator has finished");
        }
        if (pendingError != null) {
            Throwable error = pendingError;
            pendingError = null;
            throw unchecked(error);
        }
        T value = peekedValue;
        peeked = false;
        peekedValue = null;
        return value;
    }

    /**
     * Resumes the body with {@code value} as the result of its pending {@code yield}, and returns
     * the next value it yields. The first resume of a new generator must send {@code null}, as in
     * Python.
     *
     * @throws NoSuchElementException if the body ends instead of yielding (or had ended)
     * @throws IllegalStateException if a value was peeked by {@link #hasNext()} and not taken by
     *     {@link #next()}, or if a non-null value is sent to a generator that has not started
     */
    public T send(Object value) {
        requireNotPeeked("send");
        if (state == State.NEW && value != null) {
            throw new IllegalStateException("can't send a non-null value to a just-started generator");
        }
        if (state == State.DONE) {
            throw new NoSuchElementException("the generator has finished");
        }
        return answer(resume(new Send(value)));
    }

    /**
     * Resumes the body by making its pending {@code yield} throw {@code error}, and returns the
     * next value it yields (Python's {@code gen.throw}). If the body does not catch it, it comes
     * back out of this call. A generator that has not started, or has ended, just throws it.
     *
     * @throws NoSuchElementException if the body catches {@code error} and then ends
     */
    public T throwInto(Throwable error) {
        Objects.requireNonNull(error, "error");
        requireNotPeeked("throwInto");
        if (state != State.SUSPENDED) {
            state = State.DONE;
            throw unchecked(error);
        }
        return answer(resume(new Throw(error)));
    }

    /**
     * Ends a suspended body by throwing the {@code GeneratorExit} signal at its {@code yield}
     * and waiting for its thread to finish; does nothing to a generator that has ended or never
     * started (which then never will).
     *
     * @throws IllegalStateException if the body catches the signal and yields again
     */
    @Override
    public void close() {
        peeked = false;
        peekedValue = null;
        pendingError = null;
        switch (state) {
            case NEW, DONE -> state = State.DONE;
            case SUSPENDED -> {
                switch (resume(new Exit())) {
                    case Yield(Object ignored) -> throw new IllegalStateException("the generator ignored close()");
                    case Return() -> {
                    }
                    case Raise(Throwable error) -> throw unchecked(error);
                }
            }
        }
    }

    /** This generator itself: it can be iterated once. */
    @Override
    public Iterator<T> iterator() {
        return this;
    }

    /** The body's thread, for tests that check it ends. */
    Thread thread() {
        return handoff.thread();
    }

    private Up resume(Down message) {
        if (handoff.isCoroutineThread()) {
            throw new IllegalStateException("generator already executing");
        }
        Up up = handoff.resume(message);
        state = up instanceof Yield ? State.SUSPENDED : State.DONE;
        return up;
    }

    private T answer(Up up) {
        return switch (up) {
            case Yield(Object value) -> cast(value);
            case Return() -> throw new NoSuchElementException("the generator has finished");
            case Raise(Throwable error) -> throw unchecked(error);
        };
    }

    private void requireNotPeeked(String method) {
        if (peeked || pendingError != null) {
            throw new IllegalStateException(method + " after hasNext() fetched a value that next() has not taken");
        }
    }

    @SuppressWarnings("unchecked")
    private T cast(Object value) {
        return (T) value; // the body's Yielder<T> only yields Ts
    }

    private static RuntimeException unchecked(Throwable error) {
        if (error instanceof RuntimeException e) {
            return e;
        }
        if (error instanceof Error e) {
            throw e;
        }
        return new FailureException(Failure.of(error));
    }
}
