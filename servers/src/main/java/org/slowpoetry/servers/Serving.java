package org.slowpoetry.servers;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.cli.CheckedOutput;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.cli.UserException;
import org.slowpoetry.reactor.AcceptModel;
import org.slowpoetry.stats.RuntimeStats;
import org.slowpoetry.stats.StatsReporter;
import org.slowpoetry.time.MonotonicClock;

/**
 * What {@code serve slow} and {@code serve fast} do once their options are parsed: find the impl,
 * load the poem, start the server, and wait until Ctrl-C (or the server failing) stops it; the
 * waiting, {@link #runUntilStopped}, serves every {@code serve} command.
 *
 * <p>The output lines go through a {@link LinePrinter}, so that connection threads and reactor
 * loops only queue them; the printer is the command's, closed (every line out) once the server is.
 *
 * <p><b>Threading:</b> {@link #serve} runs on the command's (main) thread and blocks until the
 * server has stopped; a JVM shutdown hook closes the server from its own thread.
 */
final class Serving {

    /* Implementation overview
     *
     * Ctrl-C makes the JVM run its shutdown hooks, then halt. Our hook closes the server, which
     * joins the server's threads; that lets awaitTermination() return on the main thread, and the
     * command finishes normally. The hook then waits (briefly) for the command to be done, so the
     * JVM does not halt while the main thread is still tidying up. Nothing is printed: stopping is
     * the normal way for a server to end. When the command ends otherwise (the server failed), it
     * removes the hook again.
     */

    private static final Logger LOG = LoggerFactory.getLogger(Serving.class);

    /** How long the shutdown hook waits for the command to finish after closing the server. */
    private static final Duration HOOK_GRACE = Duration.ofSeconds(2);

    private Serving() {
    }

    /**
     * Serves until stopped; returns the exit code.
     *
     * @throws UserException for an unknown impl, a bad poem file, an address that cannot be bound,
     *                       or a server that stopped on its own
     */
    static int serve(ServerKind kind, ServeOptions options, int numBytes, Duration delay) {
        ServerImpl impl = ServerImpls.find(options.impl(), kind);
        checkAcceptModel();
        Poem poem = Poem.load(options.poem);
        PrintWriter out = options.spec.commandLine().getOut();
        CheckedOutput.interruptOnFault(out); // a closed stdout stops the server (exit 141)
        var printer = new LinePrinter(out, options.spec.commandLine().getErr(), LinePrinter.DEFAULT_CAPACITY,
                "serve-output");
        var events = new OpenConnections(options.quiet()
                ? ServerEvents.startLineOnly(printer::println)
                : ServerEvents.printing(printer::println));
        // The stats start before the server, so that they see every virtual thread it starts.
        StatsReporter stats;
        try {
            stats = options.stats()
                    .map(every -> StatsReporter.start(RuntimeStats.start(events::open), every,
                            options.spec.commandLine().getErr()::println, "serve-stats"))
                    .orElse(null);
        } catch (RuntimeException e) {
            printer.close();
            throw e;
        }
        try (AfterServer after = new AfterServer(stats, printer)) {
            var config = new ServerConfig(kind, poem, options.iface(), options.port(), numBytes, delay,
                    options.maxConnections(), options.writeTimeout(), options.selector(), options.loops(), MonotonicClock.system(),
                    events, options.framing());
            return runUntilStopped(start(impl, config), after);
        }
    }

    /**
     * Waits until Ctrl-C (or the server failing) stops {@code server}, which is already serving;
     * returns the exit code. Every {@code serve} command ends this way.
     *
     * @throws UserException if the server stopped on its own
     */
    static int runUntilStopped(PoetryServer server) {
        return runUntilStopped(server, () -> { });
    }

    /**
     * {@link #runUntilStopped(PoetryServer)}, closing {@code afterServer} (the server's output, its
     * stats) once the server is closed and before a Ctrl-C lets the JVM halt, so that all its lines
     * are out.
     */
    static int runUntilStopped(PoetryServer server, AutoCloseable afterServer) {
        var commandDone = new CountDownLatch(1);
        Thread hook = Thread.ofPlatform().name("serve-shutdown").unstarted(() -> {
            LOG.debug("shutting down {}", server);
            server.close();
            awaitQuietly(commandDone);
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            server.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            closeQuietly(afterServer);
            commandDone.countDown();
            removeHook(hook);
        }
        if (server.failure().isPresent()) {
            Throwable why = server.failure().get();
            throw new UserException("the server stopped on its own: " + oneLine(String.valueOf(why)), why,
                    ExitCodes.INTERNAL);
        }
        return ExitCodes.OK;
    }

    /**
     * The reactor's accept model comes from a system property ({@link AcceptModel#PROPERTY}), not an
     * option; a bad value is the user's mistake, said in one line before anything starts.
     */
    private static void checkAcceptModel() {
        try {
            AcceptModel.configured();
        } catch (IllegalArgumentException e) {
            throw new UserException("-D" + AcceptModel.PROPERTY + ": " + e.getMessage(), e, ExitCodes.USAGE);
        }
    }

    /** Starts the server, turning a bind failure into {@code cannot listen on HOST:PORT: reason}. */
    static PoetryServer start(ServerImpl impl, ServerConfig config) {
        try {
            return impl.start(config);
        } catch (IOException e) {
            throw new UserException("cannot listen on " + hostPort(config.iface(), config.port()) + ": "
                    + reason(e), e);
        }
    }

    static String hostPort(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The OS's words, as a clause: {@code Address already in use} becomes {@code address already in use}. */
    static String reason(IOException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return oneLine(Character.toLowerCase(message.charAt(0)) + message.substring(1));
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    /**
     * What a serve command closes once its server is closed: the stats (if any), then the printer,
     * so the last lines are out. Closing again does nothing more.
     */
    private record AfterServer(StatsReporter stats, LinePrinter printer) implements AutoCloseable {
        @Override
        public void close() {
            try {
                if (stats != null) {
                    stats.close();
                }
            } finally {
                printer.close();
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("closing {} failed", closeable, e);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is shutting down: the hook is running, or has run, and closed the server.
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(HOOK_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.debug("the serve command did not finish within {}", HOOK_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
