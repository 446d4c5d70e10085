package org.slowpoetry.clients.tour.loom;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * A generator written as Loom code, for the Part 17 twins {@code gen-1-loom} to {@code gen-4-loom}:
 * the body is a subtask of the example's {@link StructuredTaskScope}, and it talks with the
 * consumer through two {@link SynchronousQueue}s, one each way. The consumer's {@link #next},
 * {@link #send} and {@link #throwInto} are messages down to the body; the body's
 * {@linkplain Yielder#yield yield} and its end are messages back up. A {@code SynchronousQueue}
 * has no room: a hand-over completes only when the other side takes it, and the sender then waits
 * at once for the answer. So, as with a generator, the body runs only while the consumer waits for
 * its next value, and the two never run at the same time.
 *
 * {@snippet :
 * try (var scope = StructuredTaskScope.open()) {
 *     GHandoff<Integer> gen = GHandoff.fork(scope, y -> {
 *         out.println("starting up");
 *         y.yield(1);                 // parks until the consumer asks for more
 *         out.println("done");
 *     });
 *     while (gen.next() instanceof GHandoff.Yielded<Integer>(Integer n)) {
 *         out.println(n);
 *     }
 *     scope.join();                   // the body's thread has ended
 * }
 * }
 *
 * <p>The end of the body is a value, {@link Returned}, not an exception (Python's
 * {@code StopIteration}); asked again, an ended generator answers {@code Returned} again. An
 * exception the body lets escape comes out, as it is, of the consumer call that resumed it, and
 * ends the generator. Closing the scope before the body has ended interrupts it: its pending
 * {@code yield} throws {@link InterruptedException} (Python's {@code close()} throws
 * {@code GeneratorExit} there), which the body must let through.
 *
 * <p><b>Threading:</b> the consumer methods are for one thread, the scope's owner (not
 * thread-safe; confined to it); the body runs on its subtask's virtual thread and calls only its
 * {@link Yielder}. Everything one side did before a hand-over happens-before what the other does
 * after it (the queues' memory-consistency guarantee), so the two share memory as one thread would.
 * Each consumer wait is bounded by {@link #LIMIT}; the body waits for the consumer until the scope
 * interrupts it.
 *
 * @param <T> the type of the values yielded
 */
final class GHandoff<T> {

    /* Implementation overview
     *
     * The body's thread starts when it is forked and at once waits in down.take() for its first
     * message, so nothing of the body runs before the first next(). Each consumer call is
     * down.offer(message) then up.poll(): the body takes the message, runs to its next yield
     * (up.put(Yielded), then down.take()) or to its end (up.put(Returned) or Raised, then the
     * thread ends). A Throw message is rethrown by the pending yield; one that arrives first, before
     * the body started, ends the generator without running it, as in Python. An interrupt (the
     * scope closing early) ends the body without a last message: nobody is left to take it.
     */

    /** How long the consumer waits for the body at most: far beyond what any of the examples needs. */
    static final Duration LIMIT = Duration.ofSeconds(5);

    /**
     * A generator's body: ordinary code that yields values through {@code yielder}.
     *
     * @param <T> the type of the values it yields
     */
    @FunctionalInterface
    interface Body<T> {
        void run(Yielder<T> yielder) throws Exception;
    }

    /**
     * What the body calls to hand a value to the consumer.
     *
     * @param <T> the type of the values it yields
     */
    @FunctionalInterface
    interface Yielder<T> {

        /**
         * Hands {@code value} to the consumer and parks until it resumes the body.
         *
         * @return what the consumer sent ({@code null} for {@link #next})
         * @throws Exception what the consumer threw in ({@link #throwInto})
         * @throws InterruptedException if the scope is closing: the body must let it through
         */
        Object yield(T value) throws Exception;
    }

    /** What a consumer call gets back: a value yielded, or the news that the body has ended. */
    sealed interface Step<T> extends Up<T> permits Yielded, Returned {
    }

    /** The body yielded {@code value} and is parked at that {@code yield}. */
    record Yielded<T>(T value) implements Step<T> {
    }

    /** The body has ended (Python's {@code StopIteration}). */
    record Returned<T>() implements Step<T> {
    }

    /** Messages up: a step, or the exception the body ended with. */
    private sealed interface Up<T> permits Step, Raised {
    }

    private record Raised<T>(Exception error) implements Up<T> {
    }

    /** Messages down: resume the body with a value, or with an exception to throw. */
    private sealed interface Resume permits Send, Throw {
    }

    private record Send(Object value) implements Resume {
    }

    private record Throw(Exception error) implements Resume {
    }

    private enum State {
        /** The body waits for its first message; none of it has run. */
        NEW,
        /** The body is parked at a {@code yield}. */
        SUSPENDED,
        /** The body has ended. */
        DONE
    }

    private final SynchronousQueue<Resume> down = new SynchronousQueue<>();
    private final SynchronousQueue<Up<T>> up = new SynchronousQueue<>();
    /** Where the body is. Written and read by the consumer only. */
    private State state = State.NEW;

    private GHandoff() {
    }

    /**
     * Forks {@code body} as a subtask of {@code scope}; it waits, parked, for the first
     * {@link #next}. The scope's owner is the consumer, and joins the scope after the last call.
     */
    static <T> GHandoff<T> fork(StructuredTaskScope<Object, ?> scope, Body<T> body) {
        Objects.requireNonNull(body, "body");
        GHandoff<T> gen = new GHandoff<>();
        scope.fork(() -> gen.serve(body));
        return gen;
    }

    /** Python's {@code next(gen)}: the same as {@code send(null)}. */
    Step<T> next() throws Exception {
        return send(null);
    }

    /**
     * Resumes the body with {@code value}, which its pending {@code yield} returns, and waits for
     * its next step.
     *
     * @throws IllegalStateException if a non-null value is sent before the body started (as in
     *     Python), or if the body does not answer within {@link #LIMIT}
     * @throws Exception the exception the body ended with
     */
    Step<T> send(Object value) throws Exception {
        if (state == State.NEW && value != null) {
            throw new IllegalStateException("can't send a non-null value to a generator that has not started");
        }
        return resume(new Send(value));
    }

    /**
     * Resumes the body by making its pending {@code yield} throw {@code error} (Python's
     * {@code gen.throw}), and waits for its next step. If the body lets it escape, it comes back out
     * of this call; an ended generator just throws it.
     *
     * @throws IllegalStateException if the body does not answer within {@link #LIMIT}
     */
    Step<T> throwInto(Exception error) throws Exception {
        Objects.requireNonNull(error, "error");
        if (state == State.DONE) {
            throw error;
        }
        return resume(new Throw(error));
    }

    private Step<T> resume(Resume message) throws Exception {
        if (state == State.DONE) {
            return new Returned<>();
        }
        if (!down.offer(message, LIMIT.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException("the generator's body did not take a message within " + LIMIT);
        }
        Up<T> answer = up.poll(LIMIT.toNanos(), TimeUnit.NANOSECONDS);
        if (answer == null) {
            throw new IllegalStateException("the generator's body did not yield within " + LIMIT);
        }
        state = answer instanceof Yielded ? State.SUSPENDED : State.DONE;
        return switch (answer) {
            case Step<T> step -> step;
            case Raised<T>(Exception error) -> throw error;
        };
    }

    // ------------------------------------------------------------------ the body's thread

    /** The subtask: waits for the first message, runs the body, sends its end up. */
    private Void serve(Body<T> body) throws InterruptedException {
        Up<T> last;
        try {
            switch (down.take()) {
                case Send(Object ignored) -> {
                    body.run(this::yieldUp);
                    last = new Returned<>();
                }
                case Throw(Exception error) -> last = new Raised<>(error);
            }
        } catch (InterruptedException closing) {
            return null; // the scope is closing: nobody waits for a last message
        } catch (Exception escaped) {
            last = new Raised<>(escaped);
        }
        up.put(last);
        return null;
    }

    private Object yieldUp(T value) throws Exception {
        up.put(new Yielded<>(value));
        return switch (down.take()) {
            case Send(Object sent) -> sent;
            case Throw(Exception error) -> throw error;
        };
    }
}
