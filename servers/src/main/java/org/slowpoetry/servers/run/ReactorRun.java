package org.slowpoetry.servers.run;

import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.defer.Failure;
import org.slowpoetry.reactor.DelayedCall;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.service.ReactorService;
import org.slowpoetry.service.ServiceException;

/**
 * Runs an application whose top service is a {@link ReactorService}: run the reactor on the main
 * thread, start the services once it runs, announce them ready; on SIGTERM or SIGINT stop them
 * (their stop Deferred), then stop the reactor. A stop that has not finished after the stop
 * timeout is given up on: the reactor stops anyway, which closes every port and connection left.
 *
 * <p><b>Threading:</b> {@link #run()} on the runner's main thread, which owns the reactor (it
 * opened it) and runs its loop; everything else here runs on that loop. The signal handler
 * thread only hands the signal to the loop with {@code callFromThread}.
 */
final class ReactorRun {
    private static final Logger LOG = LoggerFactory.getLogger(ReactorRun.class);

    /** Where the run is; loop thread only. */
    private enum Phase { STARTING, RUNNING, STOPPING, DONE }

    private final ReactorService top;
    private final Reactor reactor;
    private final ApplicationRunner.Milestones milestones;
    private final Duration stopTimeout;
    /** Loop thread only. */
    private Phase phase = Phase.STARTING;
    /** Set once, by {@link #finish}, on the loop; read by {@link #run()} after the loop has returned. */
    private RunOutcome outcome;

    ReactorRun(ReactorService top, Reactor reactor, ApplicationRunner.Milestones milestones, Duration stopTimeout) {
        this.top = top;
        this.reactor = reactor;
        this.milestones = milestones;
        this.stopTimeout = stopTimeout;
    }

    RunOutcome run() {
        StopSignals signals = StopSignals.install(name -> reactor.callFromThread(() -> onSignal(name)));
        try {
            reactor.callWhenRunning(this::start);
            reactor.run(); // until finish() stops it
        } finally {
            signals.close();
        }
        LOG.info("Main loop terminated.");
        if (outcome == null) { // something else stopped the reactor, which closed what the services had open
            return new RunOutcome.StopFailed(new ServiceException(top.name(),
                    "the reactor stopped before " + top.name() + " did: a service or a callback stopped it", null));
        }
        return outcome;
    }

    private void start() {
        try {
            top.start();
        } catch (ServiceException e) {
            stopThen(new RunOutcome.StartFailed(e)); // the tree's clean-up: what had started stops
            return;
        }
        try {
            milestones.started();
        } catch (IOException e) {
            stopThen(new RunOutcome.StartFailed(e));
            return;
        }
        phase = Phase.RUNNING;
    }

    private void onSignal(String name) {
        if (phase != Phase.RUNNING) {
            LOG.debug("Received SIG{} while {}: nothing more to do", name, phase);
            return;
        }
        LOG.info("Received SIG{}, shutting down.", name);
        stopThen(new RunOutcome.Stopped(name));
    }

    /**
     * Stops the services; then the reactor, with {@code ifClean} as the outcome if they stopped
     * cleanly in time. After a failed start, the start failure is the outcome whatever the stop does.
     */
    private void stopThen(RunOutcome ifClean) {
        phase = Phase.STOPPING;
        DelayedCall deadline = reactor.callLater(stopTimeout,
                () -> finish(unlessStartFailed(ifClean, new RunOutcome.StopTimedOut(stopTimeout))));
        top.stop().addCallbacks(ok -> {
            cancel(deadline);
            if (ifClean instanceof RunOutcome.Stopped && phase == Phase.STOPPING) {
                milestones.stopped();
            }
            finish(ifClean);
            return null;
        }, (Failure failure) -> {
            cancel(deadline);
            finish(unlessStartFailed(ifClean, new RunOutcome.StopFailed(asServiceFailure(failure))));
            return null;
        });
    }

    private static RunOutcome unlessStartFailed(RunOutcome ifClean, RunOutcome problem) {
        return ifClean instanceof RunOutcome.StartFailed ? ifClean : problem;
    }

    private static void cancel(DelayedCall deadline) {
        if (deadline.active()) {
            deadline.cancel();
        }
    }

    private void finish(RunOutcome how) {
        if (phase == Phase.DONE) {
            return; // the deadline came first, and the reactor is stopping
        }
        phase = Phase.DONE;
        outcome = how;
        reactor.stop();
    }

    private ServiceException asServiceFailure(Failure failure) {
        return failure.value() instanceof ServiceException e
                ? e : new ServiceException(top.name(), top.name() + " did not stop cleanly: " + failure.getErrorMessage(),
                        failure.value());
    }
}
