package org.slowpoetry.trial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What {@link LoomExtension} does with a test: each rule proved by running a fixture that keeps or
 * breaks it. This class's own leak check proves that the extension closes what every fixture left.
 */
@Timeout(60)
@ExtendWith(LeakCheck.class)
class LoomExtensionTest {

    @Test
    void aTestWhoseForksEndAndSocketsCloseInTimePasses() {
        Fixtures.assertPasses(Clean.class);
    }

    @Test
    void aForkLeftRunningFailsTheTestNamingItAndWhereItIsThenIsInterrupted() {
        Throwable left = Fixtures.failureOf(ForkLeftRunning.class);

        assertTrue(left.getMessage().contains("fork 'sleeper' still running: WAITING in "
                + ForkLeftRunning.class.getName()), left::getMessage);
        assertFalse(ForkLeftRunning.fork.get().thread().isAlive(), "interrupted and ended");
    }

    @Test
    void aSocketLeftOpenFailsTheTestNamingItsAddressThenIsClosed() {
        Throwable left = Fixtures.failureOf(SocketLeftOpen.class);

        assertTrue(left.getMessage().contains("server socket 127.0.0.1:" + SocketLeftOpen.socket.get().getLocalPort()
                + " still open"), left::getMessage);
        assertTrue(SocketLeftOpen.socket.get().isClosed(), "closed after the test");
    }

    @Test
    void aForkThatFailedWithNobodyJoiningItFailsTheTestWithItsException() {
        Throwable left = Fixtures.failureOf(UnjoinedFailure.class);

        assertTrue(left.getMessage().contains("fork 'doomed' failed and nobody joined it: java.io.IOException:"
                + " the poem is lost"), left::getMessage);
        assertEquals("the poem is lost", left.getSuppressed()[0].getMessage());
    }

    @Test
    void aThreadStartedOutsideTheScopeIsCaughtByTheLeakCheck() throws InterruptedException {
        try {
            Throwable leak = Fixtures.failureOf(StrayThread.class);

            assertTrue(leak.getMessage().contains("virtual 'stray'"), leak::getMessage);
        } finally {
            StrayThread.release.countDown();
            StrayThread.thread.get().join();
        }
    }

    @Test
    void joinWaitsNoLongerThanTheTimeout() {
        var timedOut = assertInstanceOf(TimeoutException.class, Fixtures.failureOf(JoinTimesOut.class));

        assertEquals("fork 'slow' did not finish within 200 ms", timedOut.getMessage());
    }

    @Test
    void joinThrowsWhatTheForkThrewAsItWas() throws Exception {
        var scope = new LoomTestScope("joinThrows", Duration.ofSeconds(10));
        var lost = new IOException("lost");

        assertSame(lost, assertThrows(IOException.class, scope.fork(() -> {
            throw lost;
        })::join));
        assertEquals("a poem", scope.fork(() -> "a poem").join());
        assertEquals(List.of(), scope.close(Duration.ofSeconds(5)));
    }

    @Test
    void aScopeOwnsSocketsOnlyAndNothingOnceClosed() throws Exception {
        var scope = new LoomTestScope("owns", Duration.ofSeconds(10));
        InputStream notASocket = new ByteArrayInputStream(new byte[0]);

        assertThrows(IllegalArgumentException.class, () -> scope.own(notASocket));
        scope.close(Duration.ofSeconds(5));
        assertThrows(IllegalStateException.class, () -> scope.fork(() -> "too late"));
    }

    @Test
    void cleanupsRunAfterTearDownLastFirstOnForksBeforeTheChecks() {
        Fixtures.assertPasses(Cleanups.class);
        assertEquals(List.of("tearDown", "second on cleanup", "first on cleanup"), Cleanups.order);
    }

    @Test
    void aFailedCleanupFailsTheTestAndTheCleanupsBeforeItStillRun() {
        var failed = assertInstanceOf(AssertionError.class, Fixtures.failureOf(FailingCleanup.class));

        assertEquals("a cleanup of test(LoomTestScope) failed: java.io.IOException: cannot stop", failed.getMessage());
        assertInstanceOf(IOException.class, failed.getCause());
        assertTrue(FailingCleanup.firstRan.get(), "the cleanup added first ran after the one that failed");
    }

    // ---------------------------------------------------------------- fixtures

    private static final byte[] POEM = "a short poem\n".getBytes(StandardCharsets.UTF_8);

    @LoomTest(timeout = 10)
    static class Clean {
        private ServerSocket listener;

        @BeforeEach
        void setUp(LoomTestScope scope) throws IOException {
            listener = scope.own(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            scope.fork("server", () -> {
                try (Socket client = listener.accept(); OutputStream out = client.getOutputStream()) {
                    out.write(POEM);
                }
                return null;
            });
        }

        @AfterEach
        void tearDown() throws IOException {
            listener.close();
        }

        @Test
        void test(LoomTestScope scope) throws Exception {
            Fork<byte[]> read = scope.fork("client", () -> {
                try (Socket socket = scope.own(new Socket(listener.getInetAddress(), listener.getLocalPort()))) {
                    return socket.getInputStream().readAllBytes();
                }
            });
            assertArrayEquals(POEM, read.join());
        }
    }

    @LoomTest(timeout = 10)
    static class Cleanups {
        static final List<String> order = new CopyOnWriteArrayList<>();

        @Test
        void test(LoomTestScope scope) throws IOException {
            order.clear();
            scope.addCleanup(() -> order.add("first on " + Thread.currentThread().getName()));
            scope.addCleanup(() -> order.add("second on " + Thread.currentThread().getName()));
            // runs first; the check after the cleanups would find the socket open if it had not
            ServerSocket listener = scope.own(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            scope.addCleanup(listener::close);
        }

        @AfterEach
        void tearDown() {
            order.add("tearDown");
        }
    }

    @LoomTest(timeout = 10)
    static class FailingCleanup {
        static final AtomicBoolean firstRan = new AtomicBoolean();

        @Test
        void test(LoomTestScope scope) {
            firstRan.set(false);
            scope.addCleanup(() -> firstRan.set(true));
            scope.addCleanup(() -> {
                throw new IOException("cannot stop");
            });
        }
    }

    @LoomTest(timeout = 10)
    static class ForkLeftRunning {
        static final AtomicReference<Fork<Void>> fork = new AtomicReference<>();

        @Test
        void test(LoomTestScope scope) {
            fork.set(scope.fork("sleeper", () -> {
                awaitForever();
                return null;
            }));
        }

        private static void awaitForever() throws InterruptedException {
            new CountDownLatch(1).await();
        }
    }

    @LoomTest(timeout = 10)
    static class SocketLeftOpen {
        static final AtomicReference<ServerSocket> socket = new AtomicReference<>();

        @Test
        void test(LoomTestScope scope) throws IOException {
            socket.set(scope.own(new ServerSocket(0, 1, InetAddress.getLoopbackAddress())));
        }
    }

    @LoomTest(timeout = 10)
    static class UnjoinedFailure {
        @Test
        void test(LoomTestScope scope) {
            scope.fork("doomed", () -> {
                throw new IOException("the poem is lost");
            });
        }
    }

    @LoomTest(timeout = 10)
    static class StrayThread {
        static final CountDownLatch release = new CountDownLatch(1);
        static final AtomicReference<Thread> thread = new AtomicReference<>();

        @Test
        void test() {
            thread.set(Thread.ofVirtual().name("stray").start(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
    }

    @LoomTest(timeout = 200, unit = TimeUnit.MILLISECONDS)
    static class JoinTimesOut {
        @Test
        void test(LoomTestScope scope) throws Exception {
            scope.fork("slow", () -> {
                new CountDownLatch(1).await();
                return null;
            }).join();
        }
    }
}
