package org.slowpoetry.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.trial.LeakCheck;

/** The blocking fetch on real sockets: every wait and every poem bounded, every failure a value. */
@ExtendWith(LeakCheck.class)
@Timeout(20)
class BlockingFetchTest {
    private static final FetchSettings QUICK = FetchSettings.defaults().withTimeout(Duration.ofMillis(300));

    /** A one-connection server on 127.0.0.1 doing {@code script} with the accepted socket. */
    private static final class OneShot implements AutoCloseable {
        final ServerSocket listener;
        final Thread thread;

        OneShot(Consumer<Socket> script) {
            try {
                listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            thread = Thread.ofPlatform().start(() -> {
                try (Socket socket = listener.accept()) {
                    script.accept(socket);
                } catch (IOException e) {
                    // closed by the test
                }
            });
        }

        Address address() {
            return new Address("127.0.0.1", listener.getLocalPort());
        }

        @Override
        public void close() throws Exception {
            listener.close();
            thread.interrupt();
            thread.join();
        }
    }

    private static void send(Socket socket, String text) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theWholePoemArrivesAndEveryReadIsHandedOn() throws Exception {
        AtomicInteger handed = new AtomicInteger();
        try (var server = new OneShot(s -> send(s, "a poem of some length\n"))) {
            byte[] poem = BlockingFetch.fetch(server.address(), QUICK, chunk -> handed.addAndGet(chunk.length));

            assertArrayEquals("a poem of some length\n".getBytes(StandardCharsets.US_ASCII), poem);
            assertEquals(poem.length, handed.get());
        }
    }

    @Test
    void aSilentServerTimesOutWithTheBytesSoFar() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (var server = new OneShot(s -> {
            send(s, "first");
            awaitQuietly(done);
        })) {
            var e = assertThrows(FetchException.class, () -> BlockingFetch.fetch(server.address(), QUICK, c -> { }));
            done.countDown();

            assertEquals(new FetchFailure.TimedOut(server.address(), true, 5, Duration.ofMillis(300)), e.failure());
            assertArrayEquals("first".getBytes(StandardCharsets.US_ASCII), e.partial());
        }
    }

    @Test
    void aServerSendingPastTheLimitIsCutOff() throws Exception {
        try (var server = new OneShot(s -> send(s, "x".repeat(5000)))) {
            var e = assertThrows(FetchException.class,
                    () -> BlockingFetch.fetch(server.address(), QUICK.withMaxPoemBytes(1000), c -> { }));

            var tooLong = assertInstanceOf(FetchFailure.TooLong.class, e.failure());
            assertEquals(1000, tooLong.limit());
        }
    }

    @Test
    void aServerThatClosesAtOnceGivesNoPoem() throws Exception {
        try (var server = new OneShot(s -> { })) {
            var e = assertThrows(FetchException.class, () -> BlockingFetch.fetch(server.address(), QUICK, c -> { }));

            assertEquals(new FetchFailure.NoPoem(server.address()), e.failure());
        }
    }

    @Test
    void aClosedPortIsRefusedAndAnUnknownNameIsUnknown() throws Exception {
        Address closed;
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = new Address("127.0.0.1", probe.getLocalPort());
        }
        Address refused = closed;
        assertEquals(new FetchFailure.Refused(refused),
                assertThrows(FetchException.class, () -> BlockingFetch.fetch(refused, QUICK, c -> { })).failure());
        Address nowhere = new Address("nowhere.invalid", 10000);
        assertEquals(new FetchFailure.UnknownHost(nowhere),
                assertThrows(FetchException.class, () -> BlockingFetch.fetch(nowhere, QUICK, c -> { })).failure());
    }

    @Test
    void anInterruptOnAVirtualThreadEndsTheFetchAsAnInterrupt() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        var thrown = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        try (var server = new OneShot(s -> {
            send(s, "x");
            awaitQuietly(done);
        })) {
            Thread fetcher = Thread.ofVirtual().start(() -> {
                try {
                    BlockingFetch.fetch(server.address(), FetchSettings.defaults(), c -> reading.countDown());
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            reading.await();
            fetcher.interrupt();
            fetcher.join();
            done.countDown();

            assertInstanceOf(InterruptedException.class, thrown.get());
        }
    }

    @Test
    void anInterruptOnAPlatformThreadEndsTheFetchAfterItsNextRead() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch more = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger chunks = new AtomicInteger();
        var thrown = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        try (var server = new OneShot(s -> {
            send(s, "x");
            awaitQuietly(more);
            send(s, "y");
            awaitQuietly(done);
        })) {
            Thread fetcher = Thread.ofPlatform().start(() -> {
                try {
                    BlockingFetch.fetch(server.address(), FetchSettings.defaults(), c -> {
                        chunks.incrementAndGet();
                        reading.countDown();
                    });
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            reading.await();
            fetcher.interrupt(); // blocked in a platform thread's read: it does not see this yet
            more.countDown();    // the next read returns, and then it does
            fetcher.join();
            done.countDown();

            assertInstanceOf(InterruptedException.class, thrown.get());
            assertEquals(1, chunks.get(), "the read after the interrupt is not handed on");
        }
    }
}
