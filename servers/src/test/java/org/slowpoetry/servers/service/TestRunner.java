package org.slowpoetry.servers.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.reactor.ReactorThread;
import org.slowpoetry.service.LoomService;
import org.slowpoetry.service.ReactorService;
import org.slowpoetry.service.Service;
import org.slowpoetry.service.ServiceContext;
import org.slowpoetry.service.ServiceException;
import org.slowpoetry.time.MonotonicClock;

/**
 * A small runner for service trees in tests, of either kind: the {@link ServiceContext} plugins
 * are built with (a reactor opened on first use), and start and stop that wait for the tree, the
 * reactor kind's on a thread of its own. {@link #close()} ends the reactor and its thread; as a
 * JUnit extension it does so after each test, before {@code LeakCheck} looks (an extension
 * registered on a field runs its after-each before those of the class's {@code @ExtendWith}).
 *
 * {@snippet :
 * @ExtendWith(LeakCheck.class)
 * class PoetryTcpTest {
 *     @RegisterExtension
 *     final TestRunner runner = new TestRunner();
 * }
 * }
 *
 * <p><b>Threading:</b> the test's thread: it opens the reactor and hands it to its thread at the
 * first reactor start.
 */
public final class TestRunner implements ServiceContext, AfterEachCallback, AutoCloseable {

    /** How long a reactor start or stop may take before the test fails. */
    private static final long WAIT_SECONDS = 10;

    /** Opened by {@link #reactor()}; test thread only. */
    private Reactor reactor;
    /** Started at the first reactor start; test thread only. */
    private ReactorThread thread;

    @Override
    public Reactor reactor() {
        if (reactor == null) {
            try {
                reactor = Reactor.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reactor;
    }

    @Override
    public MonotonicClock clock() {
        return MonotonicClock.system();
    }

    /** Starts {@code top}; returns once started. */
    public void start(Service top) throws Exception {
        switch (top) {
            case LoomService s -> s.start();
            case ReactorService s -> loop().call(() -> {
                s.start();
                return null;
            });
        }
    }

    /** Stops {@code top}; returns once stopped, throwing what the stop failed with. */
    public void stop(Service top) throws Exception {
        switch (top) {
            case LoomService s -> s.stop();
            case ReactorService s -> {
                var stopped = new CompletableFuture<Void>();
                loop().execute(() -> s.stop().addCallbacks(ok -> stopped.complete(null),
                        failure -> stopped.completeExceptionally(failure.value())));
                awaitStop(stopped);
            }
        }
    }

    private static void awaitStop(CompletableFuture<Void> stopped)
            throws ServiceException, InterruptedException, TimeoutException {
        try {
            stopped.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ServiceException se) {
                throw se;
            }
            throw new AssertionError("the stop failed with no ServiceException", e.getCause());
        }
    }

    private ReactorThread loop() {
        if (thread == null) {
            thread = ReactorThread.start(reactor(), "test-runner-reactor");
        }
        return thread;
    }

    /** Ends the reactor (and its connections) and joins its thread; the runner may be used again. */
    @Override
    public void close() {
        if (thread != null) {
            thread.close();
        } else if (reactor != null) {
            reactor.close();
        }
        thread = null;
        reactor = null;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }
}
