package org.slowpoetry.servers.reactor;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerEvents;
import org.slowpoetry.servers.ServerImpl;
import org.slowpoetry.servers.ServerImpls;
import org.slowpoetry.servers.ServerKind;
import org.slowpoetry.time.ManualClock;
import org.slowpoetry.trial.Leaks;

/** The reactor poetry servers on real sockets: what they send, when, to how many, and what they leave. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReactorServerTest {
    private static final Poem POEM = Poem.of("ecstasy.txt", (
            "Where, like a pillow on a bed,\n"
            + "A pregnant bank swell'd up, to rest\n"
            + "The violet's reclining head,\n"
            + "Sat we two, one another's best.\n").repeat(20).getBytes(StandardCharsets.UTF_8));

    private final ServerImpl impl = new ReactorServerImpl();

    /** Records the events as the text's lines, thread-safely. */
    static final class Events implements ServerEvents {
        final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

        @Override
        public void connected(SocketAddress peer) {
            lines.add("connected");
        }

        @Override
        public void sent(SocketAddress peer, int bytes) {
            lines.add("sent " + bytes);
        }

        @Override
        public void finished(SocketAddress peer) {
            lines.add("finished");
        }

        @Override
        public void dropped(SocketAddress peer, Throwable reason) {
            lines.add("dropped");
        }

        @Override
        public void refused(SocketAddress peer) {
            lines.add("refused");
        }

        long count(String line) {
            return lines.stream().filter(line::equals).count();
        }
    }

    /**
     * A blocking client socket with a read timeout: a blocking read cannot be interrupted, so
     * without one a server bug would hang the test past its @Timeout instead of failing it.
     */
    private static Socket connect(InetSocketAddress address) throws IOException {
        Socket s = new Socket(address.getAddress(), address.getPort());
        s.setSoTimeout(20_000);
        return s;
    }

    private static byte[] fetch(InetSocketAddress address) throws IOException {
        try (Socket s = connect(address)) {
            return s.getInputStream().readAllBytes();
        }
    }

    @Test
    void isFoundAsThePluginNamedReactorForBothKinds() {
        assertInstanceOf(ReactorServerImpl.class, ServerImpls.find("reactor", ServerKind.SLOW));
        assertInstanceOf(ReactorServerImpl.class, ServerImpls.find("reactor", ServerKind.FAST));
    }

    @ParameterizedTest
    @ValueSource(strings = {"epoll", "poll"})
    void theFastServerSendsTheWholePoemAndCloses(String selector) throws Exception {
        var events = new Events();
        try (PoetryServer server = impl.start(ServerConfig.fast(POEM).withSelector(selector).withEvents(events))) {
            assertArrayEquals(POEM.bytes(), fetch(server.address()));
            await().until(() -> events.count("finished") == 1);
            assertEquals(List.of("connected", "finished"), List.copyOf(events.lines));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"epoll", "poll"})
    void theSlowServerSendsNumBytesPerDelayThenCloses(String selector) throws Exception {
        var events = new Events();
        int numBytes = 100;
        var config = ServerConfig.slow(POEM).withSelector(selector).withPacing(numBytes, Duration.ofMillis(1))
                .withEvents(events);
        try (PoetryServer server = impl.start(config)) {
            assertArrayEquals(POEM.bytes(), fetch(server.address()));
            await().until(() -> events.count("finished") == 1);
        }
        int chunks = (POEM.size() + numBytes - 1) / numBytes;
        var expected = new ArrayList<String>();
        expected.add("connected");
        for (int i = 0; i < chunks; i++) {
            expected.add("sent " + Math.min(numBytes, POEM.size() - i * numBytes));
        }
        expected.add("finished");
        assertEquals(expected, List.copyOf(events.lines));
    }

    @Test
    void theSlowServerWaitsTheDelayOnItsClockBetweenSends() throws Exception {
        // On a manual clock nothing more is sent until the test moves time: one chunk per delay.
        var clock = new ManualClock();
        int numBytes = 200;
        Duration delay = Duration.ofMillis(20);
        var config = ServerConfig.slow(POEM).withPacing(numBytes, delay).withClock(clock);
        try (PoetryServer server = impl.start(config);
             Socket s = connect(server.address())) {
            InputStream in = s.getInputStream();
            var received = new AtomicInteger();
            for (int k = 1; received.get() < POEM.size(); k++) {
                int due = Math.min(POEM.size(), k * numBytes);
                while (received.get() < due) {
                    byte[] buffer = new byte[POEM.size()];
                    int n = in.read(buffer, 0, due - received.get()); // never ask for more than is due
                    assertTrue(n > 0, "the connection ended early");
                    received.addAndGet(n);
                }
                assertEquals(0, in.available(), "chunk " + (k + 1) + " came before its time");
                clock.advance(delay);
            }
            assertEquals(-1, in.read(), "closed one delay after the last chunk");
        }
    }

    @Test
    void aClientThatResetsItsConnectionIsReportedDroppedAtOnceAndItsTimerCancelled() throws Exception {
        // A reset is news at once; an end of stream is not (the client may only have half-closed):
        // a client that closes normally is found gone by the next send, as by the blocking server.
        var events = new Events();
        var config = ServerConfig.slow(POEM).withPacing(10, Duration.ofHours(1)).withEvents(events);
        try (PoetryServer server = impl.start(config)) {
            try (Socket s = connect(server.address())) {
                assertEquals(10, s.getInputStream().readNBytes(10).length);
                s.setSoLinger(true, 0); // close with a reset
            }
            await().until(() -> events.count("dropped") == 1);
            assertEquals(List.of("connected", "sent 10", "dropped"), List.copyOf(events.lines));
        }
    }

    @Test
    void clientsOverMaxConnectionsAreTurnedAwayAtOnce() throws Exception {
        var events = new Events();
        var config = ServerConfig.slow(POEM).withPacing(10, Duration.ofHours(1)).withMaxConnections(2)
                .withEvents(events);
        try (PoetryServer server = impl.start(config);
             Socket a = connect(server.address());
             Socket b = connect(server.address())) {
            assertEquals(10, a.getInputStream().readNBytes(10).length);
            assertEquals(10, b.getInputStream().readNBytes(10).length);
            assertEquals(0, fetch(server.address()).length, "the third is closed without a poem");
            assertEquals(1, events.count("refused"));
            a.setSoLinger(true, 0); // a reset: the server hears it at once, not at the next send in an hour
            a.close();
            await().until(() -> events.count("dropped") == 1);
            try (Socket c = connect(server.address())) {
                assertEquals(10, c.getInputStream().readNBytes(10).length, "a freed slot is served");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "slow"})
    void aThousandConcurrentClientsAllGetTheExactPoem(String kind) throws Exception {
        int clients = 1_000;
        var events = new Events();
        var config = (kind.equals("fast") ? ServerConfig.fast(POEM) : ServerConfig.slow(POEM))
                .withPacing(POEM.size() / 8 + 1, Duration.ofMillis(1)).withEvents(events);
        byte[] expected = POEM.bytes();
        try (PoetryServer server = impl.start(config)) {
            long start = System.nanoTime();
            var results = new ArrayList<Future<byte[]>>();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < clients; i++) {
                    results.add(pool.submit(() -> fetch(server.address())));
                }
            }
            long elapsed = System.nanoTime() - start;
            for (Future<byte[]> r : results) {
                assertArrayEquals(expected, r.get());
            }
            await().until(() -> events.count("finished") == clients);
            System.out.printf("reactor %s server: %d clients got the %d-byte poem in %d ms%n",
                    kind, clients, POEM.size(), TimeUnit.NANOSECONDS.toMillis(elapsed));
        }
    }

    @Test
    void aPortInUseIsTheJdksBindExceptionAndLeaksNothing() throws Exception {
        try (PoetryServer first = impl.start(ServerConfig.fast(POEM))) {
            var e = assertThrows(IOException.class, () -> impl.start(ServerConfig.fast(POEM).withPort(first.port())));
            assertInstanceOf(java.net.BindException.class, e, e::toString);
        }
    }

    @Test
    void anUnknownSelectorIsRejectedBeforeAnyServerStarts() {
        // ServerConfig checks the name, so no impl ever sees an unknown selector.
        var e = assertThrows(IllegalArgumentException.class, () -> ServerConfig.fast(POEM).withSelector("kqueue"));
        assertTrue(e.getMessage().contains("kqueue"), e.getMessage());
    }

    @Test
    void closeLeavesNoThreadOrFdEvenWithClientsConnectedNorDoesAFailedStart() throws Exception {
        var config = ServerConfig.slow(POEM).withPacing(10, Duration.ofHours(1));
        try (var blocker = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            var taken = config.withPort(blocker.getLocalPort());
            runServerWithConnectedClients(config); // warm up: class loading opens jar files once
            assertThrows(IOException.class, () -> impl.start(taken));
            Leaks.Snapshot before = Leaks.snapshot();
            for (int i = 0; i < 3; i++) {
                runServerWithConnectedClients(config);
                assertThrows(IOException.class, () -> impl.start(taken));
            }
            Leaks.assertNoLeaksSince(before);
        }
    }

    private void runServerWithConnectedClients(ServerConfig config) throws Exception {
        var events = new Events();
        PoetryServer server = impl.start(config.withEvents(events));
        var sockets = new ArrayList<Socket>();
        try {
            for (int i = 0; i < 5; i++) {
                Socket s = connect(server.address());
                sockets.add(s);
                assertEquals(10, s.getInputStream().readNBytes(10).length);
            }
            server.close();
            server.awaitTermination();
            for (Socket s : sockets) {
                assertEquals(-1, s.getInputStream().read(), "the server's close ended every connection");
            }
            assertEquals(5, events.count("dropped"));
        } finally {
            server.close();
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
