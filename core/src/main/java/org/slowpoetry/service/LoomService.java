package org.slowpoetry.service;

import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * A service in the Loom style: {@link #start()} returns once it has started, {@link #stop()} once
 * it has stopped, both as plain blocking calls. A subclass writes the two steps; this class keeps
 * the {@link ServiceState} and turns misuse into exceptions.
 *
 * {@snippet :
 * final class PoemHolder extends LoomService {
 *     private volatile byte[] poem;             // written by start(), read by connection threads
 *     PoemHolder() { super("poetry"); }
 *
 *     @Override protected void onStart() throws IOException {
 *         poem = Files.readAllBytes(path);      // blocking is fine: this is a virtual or main thread
 *     }
 * }
 * }
 *
 * <p><b>Rules.</b> {@code start()} runs once; a second call throws {@link IllegalStateException}.
 * If the start step throws, the service is {@link ServiceState#FAILED} and the step must have left
 * nothing open. {@code stop()} before {@code start()} throws; after that it is idempotent: a
 * second call returns once the first has finished.
 *
 * <p><b>Threading:</b> {@code start()} and {@code stop()} may be called from any thread except one
 * the service itself owns (a connection thread stopping its own server would wait for itself;
 * services that own threads throw {@link WrongThreadException} there). Everything the start step
 * writes happens-before the stop step runs, whichever threads they run on.
 */
public abstract non-sealed class LoomService implements Service {

    /* Implementation overview
     *
     * ServiceStates does the transitions. The stop step runs on the thread whose beginStop() won;
     * others wait on `stopped`, counted down in a finally block, so no caller waits forever even if
     * the step throws. The volatile state write in started() and the read in beginStop() carry the
     * start step's writes over to the stopping thread.
     */

    private final ServiceStates states;
    /** Counted down once the stop step has ended, however it ended. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    protected LoomService(String name) {
        this.states = new ServiceStates(name);
    }

    /** A Loom service whose steps are {@code steps}. */
    public static LoomService of(String name, Lifecycle steps) {
        Objects.requireNonNull(steps, "steps");
        return new LoomService(name) {
            @Override
            protected void onStart() throws Exception {
                steps.start();
            }

            @Override
            protected void onStop() throws Exception {
                steps.stop();
            }
        };
    }

    @Override
    public final String name() {
        return states.name();
    }

    @Override
    public final ServiceState state() {
        return states.get();
    }

    /**
     * Runs the start step; returns once started.
     *
     * @throws ServiceException      if the step threw ({@code cannot start NAME: reason}); the
     *                               service is then {@link ServiceState#FAILED}
     * @throws IllegalStateException if it was started before
     */
    public final void start() throws ServiceException {
        states.beginStart();
        try {
            onStart();
            states.started();
        } catch (Exception e) {
            states.failed();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt(); // the start gave up; the caller may still want to know why
            }
            throw ServiceException.cannotStart(name(), e);
        } catch (Error e) {
            states.failed();
            throw e;
        }
    }

    /**
     * Runs the stop step; returns once stopped. Idempotent after the first call, and a no-op for a
     * service that failed to start.
     *
     * @throws ServiceException      if the step threw; the service is {@link ServiceState#STOPPED}
     *                               all the same (what could be stopped was)
     * @throws InterruptedException  if interrupted while waiting for the stop to finish
     * @throws IllegalStateException if it was never started, or is still starting
     * @throws WrongThreadException  on a thread the service owns ({@link #ownsCurrentThread()}),
     *                               where it would wait for itself; the service goes on running
     */
    public final void stop() throws ServiceException, InterruptedException {
        if (ownsCurrentThread()) {
            throw new WrongThreadException(name() + ": stop() on one of its own threads would wait for itself ("
                    + Thread.currentThread() + ")");
        }
        if (!states.beginStop()) {
            if (state() != ServiceState.FAILED) {
                stopped.await();
            }
            return;
        }
        try {
            onStop();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw ServiceException.cannotStop(name(), e);
        } finally {
            states.stopped();
            stopped.countDown();
        }
    }

    /** The start step. Throw to fail the start, leaving nothing open. */
    protected abstract void onStart() throws Exception;

    /** The stop step; by default nothing. */
    protected void onStop() throws Exception {
    }

    /**
     * Whether the calling thread is one this service owns (a connection thread of its server), where
     * {@link #stop()} would wait for itself. False by default: only services that own threads can say
     * yes.
     */
    protected boolean ownsCurrentThread() {
        return false;
    }

    /** Package-private: a multi-service records itself as the parent. */
    final void adoptedBy(String parent) {
        states.adoptedBy(parent);
    }

    @Override
    public String toString() {
        return states.toString();
    }
}
