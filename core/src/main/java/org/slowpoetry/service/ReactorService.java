package org.slowpoetry.service;

import java.util.Objects;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;
import org.slowpoetry.reactor.EventLoop;

/**
 * A service in the reactor style: Twisted's {@code Service} (Part 16). {@link #start()} runs on the
 * event loop and returns at once; {@link #stop()} runs on the loop and returns a {@link Deferred}
 * that fires, on the loop, once the service has stopped. Neither blocks the loop.
 *
 * {@snippet :
 * final class PortService extends ReactorService {
 *     private ListeningPort port;                     // loop thread only
 *     PortService(Reactor reactor) { super("tcp", reactor); }
 *
 *     @Override protected void onStart() throws CannotListenException {
 *         port = reactor.listenTCP(10000, factory);
 *     }
 *     @Override protected Deferred<Void> onStop() {
 *         return port.stopListening();                // fires once the port is really closed
 *     }
 * }
 * reactor.callWhenRunning(() -> service.start());
 * // later, on the loop:
 * service.stop().addBoth(outcome -> { reactor.stop(); return null; });
 * }
 *
 * <p><b>Rules.</b> {@code start()} runs once; a second call throws {@link IllegalStateException}.
 * If the start step throws, the service is {@link ServiceState#FAILED}: the step must have left
 * nothing open, or said how it cleans up in {@link #onStartFailed()}, and {@code stop()} then
 * returns a Deferred that fires when that clean-up is done. {@code stop()} before {@code start()}
 * throws; a later {@code stop()} returns a Deferred that fires with the first one's outcome. A stop
 * step that fails, at once or later, fails the Deferred with a {@link ServiceException}; the service
 * is {@link ServiceState#STOPPED} all the same.
 *
 * <p><b>Threading:</b> {@code start()} and {@code stop()} on the service's event loop only; they
 * throw {@link WrongThreadException} elsewhere. From another thread, hand the call to the loop with
 * {@code callFromThread}. {@link #name()} and {@link #state()} are safe from any thread.
 */
public abstract non-sealed class ReactorService implements Service {

    private final EventLoop loop;
    private final ServiceStates states;
    /** Set when the stop (or the clean-up after a failed start) begins; loop thread only. */
    private Completion end;

    protected ReactorService(String name, EventLoop loop) {
        this.states = new ServiceStates(name);
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    /** A reactor service on {@code loop} whose steps are {@code steps}. */
    public static ReactorService of(String name, EventLoop loop, Lifecycle steps) {
        Objects.requireNonNull(steps, "steps");
        return new ReactorService(name, loop) {
            @Override
            protected void onStart() throws Exception {
                steps.start();
            }

            @Override
            protected Deferred<Void> onStop() throws Exception {
                steps.stop();
                return Deferred.succeed(null);
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

    /** The loop this service runs on. */
    public final EventLoop loop() {
        return loop;
    }

    /**
     * Runs the start step on the loop.
     *
     * @throws ServiceException      if the step threw; the service is then {@link ServiceState#FAILED}
     * @throws IllegalStateException if it was started before
     * @throws WrongThreadException  off the loop
     */
    public final void start() throws ServiceException {
        checkLoop("start()");
        states.beginStart();
        try {
            onStart();
            states.started();
        } catch (Error e) {
            states.failed();
            end = Completion.succeeded(); // nothing known to clean up: the step did not finish
            throw e;
        } catch (Exception e) {
            states.failed();
            end = new Completion();
            Deferred<Void> cleanup;
            try {
                cleanup = Objects.requireNonNull(onStartFailed(), "onStartFailed() returned null");
            } catch (RuntimeException cleanupFailed) {
                cleanup = Deferred.fail(cleanupFailed); // a later stop() still fires, with this failure
            }
            Completion c = end;
            cleanup.addCallbacks(ok -> {
                c.complete(null);
                return null;
            }, failure -> {
                c.complete(ServiceException.cannotStop(name(), failure.value()));
                return null;
            });
            throw ServiceException.cannotStart(name(), e);
        }
    }

    /**
     * Runs the stop step on the loop, once; every call gets a Deferred that fires when the service
     * has stopped.
     *
     * @throws IllegalStateException if it was never started, or is still starting
     * @throws WrongThreadException  off the loop
     */
    public final Deferred<Void> stop() {
        checkLoop("stop()");
        if (!states.beginStop()) {
            return end == null ? Deferred.succeed(null) : end.waiter();
        }
        Completion c = new Completion();
        end = c;
        Deferred<Void> step;
        try {
            step = Objects.requireNonNull(onStop(), "onStop() returned null");
        } catch (Exception e) {
            step = Deferred.fail(e);
        }
        Deferred<Void> first = c.waiter();
        step.addCallbacks(ok -> {
            states.stopped();
            c.complete(null);
            return null;
        }, (Failure failure) -> {
            states.stopped();
            c.complete(ServiceException.cannotStop(name(), failure.value()));
            return null;
        });
        return first;
    }

    /** The start step, on the loop. Throw to fail the start. */
    protected abstract void onStart() throws Exception;

    /** The stop step, on the loop: a Deferred that fires once stopped; by default already fired. */
    protected Deferred<Void> onStop() throws Exception {
        return Deferred.succeed(null);
    }

    /**
     * Called on the loop after the start step threw: the clean-up of whatever it had started (a
     * multi-service stops the children it had started). By default nothing is left.
     */
    protected Deferred<Void> onStartFailed() {
        return Deferred.succeed(null);
    }

    final void adoptedBy(String parent) {
        states.adoptedBy(parent);
    }

    private void checkLoop(String what) {
        if (!loop.inEventLoop()) {
            throw new WrongThreadException(name() + ": " + what + " runs on its event loop, not on "
                    + Thread.currentThread());
        }
    }

    @Override
    public String toString() {
        return states.toString();
    }
}
