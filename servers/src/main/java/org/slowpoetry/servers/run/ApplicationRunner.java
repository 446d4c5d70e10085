package org.slowpoetry.servers.run;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.cli.UserException;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.service.Application;
import org.slowpoetry.service.LoomService;
import org.slowpoetry.service.ReactorService;
import org.slowpoetry.service.Service;

/**
 * Runs an {@link Application} until a signal stops it: what twistd does once it has the
 * application. The style of the top service decides how ({@link LoomRun}, {@link ReactorRun});
 * this class writes the log lines around the run and turns its {@link RunOutcome} into an exit
 * status.
 *
 * <p>The log of a run, in twistd's shape and our words:
 * <pre>
 * ... [ApplicationRunner] slowpoetry 0.1.0 (java 25.0.1+8-LTS, OpenJDK 64-Bit Server VM) starting up.
 * ... [ApplicationRunner] reactor class: org.slowpoetry.reactor.Reactor (epoll selector).
 * ... [ApplicationRunner] started poetry
 * ... [ApplicationRunner] started tcp-10000
 * ... [ApplicationRunner] started fastpoetry
 * ... [ReactorRun] Received SIGTERM, shutting down.
 * ... [ApplicationRunner] stopped tcp-10000
 * ... [ApplicationRunner] stopped poetry
 * ... [ApplicationRunner] stopped fastpoetry
 * ... [ReactorRun] Main loop terminated.
 * ... [ApplicationRunner] Server Shut Down.
 * </pre>
 * (the services' own lines, such as {@code loaded a poem from: FILE}, in between).
 *
 * <p><b>Threading:</b> {@link #run} on the runner's main thread; see the two runs.
 */
final class ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationRunner.class);

    /** The exit status when the services could not start or stop: twistd's, 1. */
    static final int FAILED = 1;

    /** What the runner does once every service has started: write the pid file (and, in a daemon, send its standard streams to the log). */
    @FunctionalInterface
    interface Ready {
        void ready() throws IOException;
    }

    /** What a run reports, as it happens, to the runner. */
    interface Milestones {
        /**
         * Every service has started: the pid file is written. If it throws, the services are
         * stopped and the start has failed.
         */
        void started() throws IOException;

        /** Every service has stopped cleanly, after a signal. */
        void stopped();
    }

    private final Application application;
    private final RunContext context;
    /** Once every service has started: the pid file is written. */
    private final Ready ready;
    private final Duration stopTimeout;

    ApplicationRunner(Application application, RunContext context, Ready ready, Duration stopTimeout) {
        this.application = Objects.requireNonNull(application, "application");
        this.context = Objects.requireNonNull(context, "context");
        this.ready = Objects.requireNonNull(ready, "ready");
        this.stopTimeout = Objects.requireNonNull(stopTimeout, "stopTimeout");
    }

    /**
     * Runs the application until SIGTERM or SIGINT has stopped it.
     *
     * @param version the program's name and version for the first line, {@code slowpoetry 0.1.0}
     * @return {@link ExitCodes#OK} once every service has stopped cleanly
     * @throws UserException if the services could not start, or did not stop cleanly or in time
     *                       (exit status {@link #FAILED}); or if the application's services do not
     *                       fit the runner (exit status {@link ExitCodes#USAGE})
     */
    int run(String version) throws InterruptedException {
        LOG.info("{} (java {}, {}) starting up.", version, Runtime.version(), System.getProperty("java.vm.name"));
        Service top = application.top();
        RunOutcome outcome = switch (top) {
            case LoomService loom -> {
                requireNoReactor();
                LOG.info("loom: virtual threads.");
                yield new LoomRun(loom, announced(loom), stopTimeout).run();
            }
            case ReactorService onLoop -> {
                Reactor reactor = reactorOf(onLoop);
                LOG.info("reactor class: {} ({} selector).", reactor.getClass().getName(), reactor.selectorKind());
                yield new ReactorRun(onLoop, reactor, announced(onLoop), stopTimeout).run();
            }
        };
        return exitStatus(outcome);
    }

    private int exitStatus(RunOutcome outcome) {
        return switch (outcome) {
            case RunOutcome.Stopped stopped -> {
                LOG.info("Server Shut Down.");
                yield ExitCodes.OK;
            }
            case RunOutcome.StartFailed(Exception why) -> throw failure(Messages.reason(why), why);
            case RunOutcome.StopFailed(var why) -> {
                UserException failure = failure(Messages.reason(why), why);
                LOG.info("Server Shut Down.");
                throw failure;
            }
            case RunOutcome.StopTimedOut(Duration limit) -> throw failure("the services did not stop within "
                    + limit.toMillis() / 1000.0 + " s; exiting without waiting for them", null);
        };
    }

    /** Logs {@code message} as an error (a daemon's user reads the log) and makes the exception Main reports. */
    private static UserException failure(String line, Throwable cause) {
        LOG.error(line);
        if (cause != null) {
            LOG.debug("what caused: {}", line, cause);
        }
        return new UserException(line, cause, FAILED);
    }

    /** A line for each service started, then {@code ready}; a line for each service stopped. */
    private Milestones announced(Service top) {
        return new Milestones() {
            @Override
            public void started() throws IOException {
                ServiceTree.startOrder(top).forEach(s -> LOG.info("started {}", s.name()));
                ready.ready();
            }

            @Override
            public void stopped() {
                ServiceTree.stopOrder(top).forEach(s -> LOG.info("stopped {}", s.name()));
            }
        };
    }

    private void requireNoReactor() {
        if (context.openedReactor().isPresent()) {
            throw new UserException("the application asked for a reactor (context.reactor()) but its top service, "
                    + application.top().name() + ", is a Loom service: put reactor services under a"
                    + " ReactorMultiService at the top");
        }
    }

    private Reactor reactorOf(ReactorService top) {
        return context.openedReactor()
                .filter(reactor -> reactor == top.loop())
                .orElseThrow(() -> new UserException("the application's top service, " + top.name()
                        + ", runs on an event loop the runner does not run: build reactor services on context.reactor()"));
    }
}
