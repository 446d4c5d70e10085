package org.slowpoetry.servers.run;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.service.LoomService;
import org.slowpoetry.service.ServiceException;

/**
 * Runs an application whose top service is a {@link LoomService}: start it on the main thread,
 * announce it ready, wait for SIGTERM or SIGINT, stop it, waiting for the stop no longer than the
 * stop timeout.
 *
 * <p><b>Threading:</b> {@link #run()} on the runner's main thread, which starts the services and
 * waits; the signal handler thread only completes {@code stopRequest}; the stop runs on a thread of
 * its own (see {@link #stop}).
 */
final class LoomRun {
    private static final Logger LOG = LoggerFactory.getLogger(LoomRun.class);

    private final LoomService top;
    private final ApplicationRunner.Milestones milestones;
    private final Duration stopTimeout;

    LoomRun(LoomService top, ApplicationRunner.Milestones milestones, Duration stopTimeout) {
        this.top = top;
        this.milestones = milestones;
        this.stopTimeout = stopTimeout;
    }

    RunOutcome run() throws InterruptedException {
        // Completed with the signal's name by the JVM's signal thread; read by the main thread.
        var stopRequest = new CompletableFuture<String>();
        StopSignals signals = StopSignals.install(stopRequest::complete);
        try {
            try {
                top.start();
            } catch (ServiceException e) {
                return new RunOutcome.StartFailed(e); // the tree has stopped what it had started
            }
            try {
                milestones.started();
            } catch (IOException e) {
                RunOutcome failed = new RunOutcome.StartFailed(e);
                RunOutcome stopped = stop(failed);
                if (stopped != failed) {
                    LOG.warn("stopping the services after the failed start: {}", stopped);
                }
                return failed;
            }
            String signal = awaitSignal(stopRequest); // as long as the services run: serving is the job
            LOG.info("Received SIG{}, shutting down.", signal);
            RunOutcome outcome = stop(new RunOutcome.Stopped(signal));
            if (outcome instanceof RunOutcome.Stopped) {
                milestones.stopped();
            }
            return outcome;
        } finally {
            signals.close();
        }
    }

    private static String awaitSignal(CompletableFuture<String> stopRequest) throws InterruptedException {
        try {
            return stopRequest.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a stop request never fails", e);
        }
    }

    /**
     * Stops the services, waiting at most the stop timeout; {@code ifClean} if they stopped
     * cleanly, else what went wrong. The stop runs on a thread of its own
     * so that the main thread can give up on it: a service that hangs in its stop step cannot keep
     * the process from ending (the thread is a daemon thread; the exit ends it).
     */
    private RunOutcome stop(RunOutcome ifClean) throws InterruptedException {
        var failure = new AtomicReference<ServiceException>();
        Thread stopper = Thread.ofPlatform().name("slowpoetry-stop").daemon().start(() -> {
            try {
                top.stop();
            } catch (ServiceException e) {
                failure.set(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // nobody interrupts this thread; the exit ends it
            }
        });
        if (!stopper.join(stopTimeout)) {
            return new RunOutcome.StopTimedOut(stopTimeout);
        }
        ServiceException why = failure.get();
        return why == null ? ifClean : new RunOutcome.StopFailed(why);
    }
}
