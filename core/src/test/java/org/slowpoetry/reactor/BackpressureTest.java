package org.slowpoetry.reactor;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Timeout;

/**
 * Flow control end to end on real sockets: a client that stops reading makes the server's write
 * buffer pass its high watermark, which pauses the server's producer; reading again drains it and
 * resumes the producer; and not a byte is lost, duplicated or reordered on the way.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BackpressureTest {
    private static final int CHUNK = 16 * 1024;
    private static final int HIGH = 64 * 1024;

    /**
     * Writes consecutive longs (0, 1, 2, ...) in chunks for as long as it is not paused; once it
     * has been paused and resumed, it sends 64 more chunks and closes. Reactor thread only, except
     * the atomic counters the test reads.
     */
    static final class Streamer implements Producer {
        private final Transport transport;
        final AtomicInteger pauses = new AtomicInteger();
        final AtomicInteger resumes = new AtomicInteger();
        final AtomicLong maxQueued = new AtomicLong();
        /** The next long to send; read by the test after the connection ended. */
        final AtomicLong next = new AtomicLong();
        private boolean paused;
        private boolean finished;
        private int chunksAfterResume;

        Streamer(Transport transport) {
            this.transport = transport;
        }

        void start() {
            transport.registerProducer(this);
            pump();
        }

        private void pump() {
            while (!paused && !finished) {
                ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
                while (chunk.hasRemaining()) {
                    chunk.putLong(next.getAndIncrement());
                }
                transport.write(chunk.flip());
                maxQueued.accumulateAndGet(transport.writeBufferSize(), Math::max);
                if (resumes.get() > 0 && ++chunksAfterResume == 64) {
                    finished = true;
                    transport.unregisterProducer();
                    transport.loseConnection();
                }
            }
        }

        @Override
        public void pauseProducing() {
            paused = true;
            pauses.incrementAndGet();
        }

        @Override
        public void resumeProducing() {
            paused = false;
            resumes.incrementAndGet();
            pump();
        }

        @Override
        public void stopProducing() {
            finished = true;
        }
    }

    /** Checks that the bytes are consecutive longs from 0; pauses reading when connected. */
    static final class Checker extends Protocol {
        private final ByteBuffer carry = ByteBuffer.allocate(Long.BYTES);
        /** Reactor thread; read by the test after {@link #lost} completes. */
        long expected;
        String error;
        final CompletableFuture<ConnectionClosed> lost = new CompletableFuture<>();

        @Override
        protected void connectionMade() {
            transport().pauseProducing(); // a reader that stops reading
        }

        Transport t() {
            return transport();
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            while (data.hasRemaining()) {
                carry.put(data.get());
                if (!carry.hasRemaining()) {
                    long got = carry.flip().getLong();
                    carry.clear();
                    if (got != expected && error == null) {
                        error = "expected " + expected + " but got " + got;
                    }
                    expected++;
                }
            }
        }

        @Override
        public void connectionLost(ConnectionClosed reason) {
            lost.complete(reason);
        }
    }

    @ParameterizedTest
    @EnumSource(SelectorKind.class)
    void aReaderThatStopsPausesTheProducerAndResumingLosesNothing(SelectorKind kind) throws Exception {
        var streamer = new CompletableFuture<Streamer>();
        var client = new Checker();
        try (Reactor reactor = Reactor.open(kind); var loop = ReactorThread.start(reactor, "t-reactor")) {
            loop.call(() -> {
                ListeningPort port = reactor.listenTCP(0, a -> new Protocol() {
                    @Override
                    protected void connectionMade() {
                        var s = new Streamer(transport());
                        streamer.complete(s);
                        s.start();
                    }
                }, "127.0.0.1");
                reactor.connectTCP("127.0.0.1", port.port(), a -> client);
                return null;
            });
            Streamer server = streamer.get();

            await("the producer is paused").until(() -> server.pauses.get() >= 1);
            assertEquals(0, server.resumes.get(), "nothing drains while the client does not read");
            assertTrue(server.maxQueued.get() <= HIGH + CHUNK,
                    "paused at the high watermark, queued at most " + server.maxQueued.get());

            loop.execute(() -> client.t().resumeProducing());
            await("the producer is resumed").until(() -> server.resumes.get() >= 1);

            assertInstanceOf(ConnectionDone.class, client.lost.get());
            assertNull(client.error);
            assertEquals(server.next.get(), client.expected, "every long arrived, once, in order");
            assertTrue(server.maxQueued.get() <= HIGH + CHUNK, "never buffered past the watermark");
        }
    }
}
