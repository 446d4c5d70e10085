package org.slowpoetry.clients.reactor;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.defer.CancelledException;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.fetch.PoetryClient;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.reactor.ReactorThread;
import org.slowpoetry.trial.LeakCheck;

/**
 * The text's {@code get_poetry(host, port)} on the reactor, {@link PoetryClient#getPoetry}: a
 * Deferred fired by the code that made it (Part 13, exercise 3) with the poem or a
 * {@link FetchException} holding the failure as a value, and cancellable (Part 19, exercise 4).
 */
@ExtendWith(LeakCheck.class)
@Timeout(20)
class GetPoetryTest {
    private final FetchSettings settings = FetchSettings.defaults();
    private ReactorThread loop;

    @BeforeAll
    static void warmUp() {
        ReactorTesting.warmUp();
    }

    @BeforeEach
    void startReactor() throws IOException {
        loop = ReactorThread.start(Reactor.open(), "test-reactor");
    }

    @AfterEach
    void stopReactor() {
        loop.close();
    }

    @Test
    void theDeferredFiresWithTheWholePoemAndProgressHearsEveryByte() throws Exception {
        byte[] poem = ReactorTesting.poem("whole", 5);
        AtomicInteger progress = new AtomicInteger(); // added to on the reactor thread, read here after the result
        try (var server = ReactorTesting.server("loom", poem, 10, Duration.ofMillis(1))) {
            Object result = outcome(ReactorTesting.address(server), settings, progress);

            assertArrayEquals(poem, assertInstanceOf(byte[].class, result));
            assertEquals(poem.length, progress.get());
        }
    }

    @Test
    void aRefusedConnectFailsTheDeferredWithTheFailureAsAValue() throws Exception {
        Address down = ReactorTesting.refusingAddress();
        Object result = outcome(down, settings, new AtomicInteger());

        assertEquals(new FetchFailure.Refused(down), fetchFailure(result));
    }

    @Test
    void aServerSilentForTheTimeoutFailsItAfterTheBytesThatCame() throws Exception {
        byte[] poem = ReactorTesting.poem("silent", 3);
        Duration timeout = Duration.ofMillis(300);
        try (var server = ReactorTesting.server("loom", poem, 10, Duration.ofMinutes(1))) {
            Address address = ReactorTesting.address(server);
            Object result = outcome(address, settings.withTimeout(timeout), new AtomicInteger());

            var failed = assertInstanceOf(FetchException.class, assertInstanceOf(Failure.class, result).value());
            assertEquals(new FetchFailure.TimedOut(address, true, 10, timeout), failed.failure());
            assertArrayEquals(Arrays.copyOf(poem, 10), failed.partial());
        }
    }

    @Test
    void aServerThatClosesBeforeAByteGivesNoPoem() throws Exception {
        try (var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread closer = Thread.ofPlatform().start(() -> {
                try (Socket turnedAway = server.accept()) {
                    turnedAway.shutdownOutput(); // an orderly close, nothing sent
                } catch (IOException e) {
                    // the test fails on the result instead
                }
            });
            Address address = new Address("127.0.0.1", server.getLocalPort());
            Object result = outcome(address, settings, new AtomicInteger());
            closer.join();

            assertEquals(new FetchFailure.NoPoem(address), fetchFailure(result));
        }
    }

    @Test
    void cancellingMidPoemClosesTheConnectionAndFailsTheDeferredWithCancelled() throws Exception {
        try (var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> serverRead = new CompletableFuture<>();
            Thread serving = Thread.ofPlatform().start(() -> {
                try (Socket client = server.accept()) {
                    client.getOutputStream().write(ReactorTesting.poem("cut", 2), 0, 10);
                    client.getOutputStream().flush();
                    InputStream in = client.getInputStream();
                    serverRead.complete(in.read()); // -1 once the client closes; the client never sends
                } catch (IOException e) {
                    serverRead.completeExceptionally(e);
                }
            });
            Address address = new Address("127.0.0.1", server.getLocalPort());
            AtomicInteger progress = new AtomicInteger();
            CompletableFuture<Object> result = new CompletableFuture<>();
            Deferred<byte[]> d = loop.call(() -> {
                Deferred<byte[]> fetching = PoetryClient.getPoetry(loop.reactor(), address, settings, progress::addAndGet);
                fetching.addBoth(r -> result.complete(r));
                return fetching;
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> progress.get() == 10);

            loop.execute(d::cancel);

            assertEquals(-1, serverRead.get(10, TimeUnit.SECONDS), "the server sees the connection close");
            Failure failure = assertInstanceOf(Failure.class, result.get(10, TimeUnit.SECONDS));
            assertInstanceOf(CancelledException.class, failure.value());
            serving.join();
        }
    }

    @Test
    void cancellingWhileConnectingStopsTheConnect() throws Exception {
        // a listener with a full backlog would leave the connect pending on some systems, not all;
        // cancelling before the reactor has run a turn is certain to find the connect in progress
        Address address = ReactorTesting.refusingAddress();
        CompletableFuture<Object> result = new CompletableFuture<>();
        loop.call(() -> {
            Deferred<byte[]> d = PoetryClient.getPoetry(loop.reactor(), address, settings);
            d.addBoth(r -> result.complete(r));
            d.cancel();
            return null;
        });
        Failure failure = assertInstanceOf(Failure.class, result.get(10, TimeUnit.SECONDS));
        assertInstanceOf(CancelledException.class, failure.value());
    }

    /** Fetches on the reactor and waits for the Deferred's result: the poem, or a Failure. */
    private Object outcome(Address address, FetchSettings with, AtomicInteger progress) throws Exception {
        CompletableFuture<Object> result = new CompletableFuture<>();
        loop.execute(() -> PoetryClient.getPoetry(loop.reactor(), address, with, progress::addAndGet)
                .addBoth(r -> result.complete(r)));
        return result.get(15, TimeUnit.SECONDS);
    }

    private static FetchFailure fetchFailure(Object result) {
        return assertInstanceOf(FetchException.class, assertInstanceOf(Failure.class, result).value()).failure();
    }
}
