package org.slowpoetry.trial;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.InvocationInterceptor.Invocation;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.reactor.ReactorState;
import org.slowpoetry.reactor.ReactorThread;

/**
 * One test's reactor, for {@link ReactorExtension}: opened before the test, running on its own
 * thread; the test's methods run on it one at a time ({@link #run}); asked what it still holds
 * after them ({@link #leftovers}); stopped ({@link #close}), which tears down whatever is left.
 *
 * <p><b>Threading:</b> the test's thread (JUnit's) calls every method; they hand work to the loop
 * and wait for it, each wait bounded.
 */
final class TestReactor {

    /* Implementation overview
     *
     * run() hands the method to the loop with callFromThread, as trial runs a test method as a
     * callback, and waits on a CompletableFuture that the loop completes: when the method throws,
     * or returns without a Deferred, or when the Deferred it handed to Trial.waitFor fires. The
     * wait is the timeout. If it passes, either the method itself has not returned (it blocks the
     * loop: the reactor is STUCK, and the exception carries the loop thread's stack, which shows
     * where) or its Deferred has not fired (the loop is asked to cancel it, which closes what it
     * was waiting on).
     *
     * close() stops the reactor with callFromThread and joins its thread, bounded; a STUCK loop is
     * interrupted first, which ends the common ways of blocking (sleep, a future's get, a blocking
     * socket on a virtual thread).
     */

    /** How long stopping the reactor and asking it what it holds may take. */
    static final Duration STOP_WAIT = Leaks.DEFAULT_WAIT;

    private enum State {
        /** Running the test's methods. */
        RUNNING,
        /** A method did not return within the timeout: the loop is blocked. */
        STUCK,
        CLOSED
    }

    /** The Deferred a method waits for, with its description taken on the loop. */
    private record Waiting(Deferred<?> deferred, String described) {
    }

    private final Reactor reactor;
    private final ReactorThread loop;
    private final Trial trial;
    private final Duration timeout;
    /** Written and read by the test's thread. */
    private State state = State.RUNNING;

    private TestReactor(Reactor reactor, ReactorThread loop, Duration timeout) {
        this.reactor = reactor;
        this.loop = loop;
        this.trial = new Trial(reactor);
        this.timeout = timeout;
    }

    /** Opens a reactor and starts its thread; {@code timeout} bounds each method {@link #run}s. */
    static TestReactor start(Duration timeout) throws IOException {
        Reactor reactor = Reactor.open();
        return new TestReactor(reactor, ReactorThread.start(reactor, "trial-reactor"), timeout);
    }

    Trial trial() {
        return trial;
    }

    /**
     * Runs {@code method} on the loop and waits until it has returned and the Deferred it handed
     * to {@link Trial#waitFor}, if any, has fired.
     *
     * @param name how the failure messages name it: {@code test theClientGetsThePoem()}
     * @throws TimeoutException if that takes longer than the timeout
     * @throws Throwable what the method threw, or what its Deferred failed with
     */
    void run(Invocation<Void> method, String name) throws Throwable {
        if (state == State.STUCK) {
            method.skip();
            throw new IllegalStateException("not run: an earlier method blocks the reactor thread");
        }
        if (reactor.state() == ReactorState.STOPPING || reactor.state() == ReactorState.STOPPED) {
            method.skip();
            throw new IllegalStateException("not run: the test stopped its reactor (the extension stops it"
                    + " after the test; a test must not)");
        }
        var returned = new CompletableFuture<Void>();
        var done = new CompletableFuture<Void>();
        var waiting = new AtomicReference<Waiting>();
        loop.execute(() -> {
            trial.begin(name);
            try {
                method.proceed();
            } catch (Throwable t) {
                trial.end();
                returned.complete(null);
                done.completeExceptionally(t);
                return;
            }
            Deferred<?> d = trial.end();
            if (d != null) {
                waiting.set(new Waiting(d, String.valueOf(d)));
            }
            returned.complete(null);
            if (d == null) {
                done.complete(null);
                return;
            }
            d.addBoth(outcome -> {
                if (outcome instanceof Failure failure) {
                    done.completeExceptionally(failure.value());
                } else {
                    done.complete(null);
                }
                return null; // the failure is reported: handled
            });
        });
        try {
            done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException e) {
            throw timedOut(name, returned.isDone() ? waiting.get() : null);
        } catch (InterruptedException e) {
            if (!returned.isDone()) {
                state = State.STUCK; // JUnit's @Timeout gave up on the method: it may still block the loop
            }
            throw e;
        }
    }

    /**
     * Runs the test's cleanups ({@link Trial#addCleanup}) on the loop and waits for them, as
     * {@link #run} waits for a method. Nothing is run if a method blocks the loop or the test
     * stopped the reactor: {@link #close} tears everything down then.
     *
     * @throws Throwable the first cleanup's failure, or a {@link TimeoutException}
     */
    void cleanUp() throws Throwable {
        if (state == State.RUNNING && reactor.state() == ReactorState.RUNNING) {
            run(() -> {
                trial.waitFor(trial.cleanUp());
                return null;
            }, "the cleanups");
        }
    }

    /** The reactor's leftovers ({@link ReactorLeftovers}), asked on the loop. */
    List<String> leftovers() throws InterruptedException {
        var ask = new FutureTask<>(() -> ReactorLeftovers.of(reactor));
        loop.execute(ask);
        try {
            return ask.get(STOP_WAIT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (CancellationException stopped) {
            return List.of(); // the test stopped the reactor, which tore everything down
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot ask the reactor what it holds", e.getCause());
        } catch (TimeoutException e) {
            return List.of("the reactor thread is blocked (it did not answer within " + STOP_WAIT.toMillis() + " ms): "
                    + stackOf(loop.thread()));
        }
    }

    /**
     * Stops the reactor, which closes every port, connection and timer it still holds, and joins
     * its thread. Idempotent.
     *
     * @throws AssertionError if the reactor thread did not end within {@link #STOP_WAIT}
     */
    void close() throws InterruptedException {
        if (state == State.CLOSED) {
            return;
        }
        if (state == State.STUCK) {
            loop.thread().interrupt();
        }
        state = State.CLOSED;
        loop.execute(() -> {
            if (reactor.state() == ReactorState.RUNNING) {
                reactor.stop();
            }
        });
        if (!loop.thread().join(STOP_WAIT)) {
            throw new AssertionError("the reactor thread '" + loop.thread().getName() + "' did not stop within "
                    + STOP_WAIT.toMillis() + " ms: " + stackOf(loop.thread()));
        }
    }

    private TimeoutException timedOut(String name, Waiting waiting) {
        if (waiting == null) {
            state = State.STUCK;
            var stuck = new TimeoutException(name + " did not return within " + timeout.toMillis() + " ms: it blocks"
                    + " the reactor thread, and nothing else runs meanwhile (this exception's stack trace is that"
                    + " thread's)");
            stuck.setStackTrace(loop.thread().getStackTrace());
            return stuck;
        }
        loop.execute(waiting.deferred()::cancel);
        return new TimeoutException(name + ": the Deferred it waits for did not fire within " + timeout.toMillis()
                + " ms: " + waiting.described() + " (cancelled)");
    }

    private static String stackOf(Thread thread) {
        return Arrays.stream(thread.getStackTrace()).limit(8).map(String::valueOf)
                .collect(Collectors.joining(" <- "));
    }
}
