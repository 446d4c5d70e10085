package org.slowpoetry.servers.loom;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerEvents;
import org.slowpoetry.servers.ServerImpls;
import org.slowpoetry.servers.ServerKind;
import org.slowpoetry.time.ManualClock;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LoomServerTest {

    static final byte[] TEXT = "When I have fears that I may cease to be\n".getBytes(UTF_8); // 41 bytes
    static final Poem POEM = Poem.of("keats.txt", TEXT);

    private final LoomServerImpl impl = new LoomServerImpl();

    static byte[] fetch(InetSocketAddress address) throws IOException {
        try (var socket = new Socket(address.getAddress(), address.getPort())) {
            return socket.getInputStream().readAllBytes();
        }
    }

    /**
     * The open fds, after making sure the JDK's lazily created ones exist: the first socket used
     * on a virtual thread starts the JDK's pollers, each with its own epoll fd and wake-up pipe,
     * which stay open for good. A baseline taken before that would never be reached again.
     */
    static long openFdsAfterWarmUp() throws Exception {
        try (PoetryServer server = new LoomServerImpl().start(ServerConfig.fast(POEM))) {
            Thread.ofVirtual().start(() -> {
                try {
                    fetch(server.address());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).join();
        }
        return openFds();
    }

    static long openFds() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    @Test
    void isTheLoomImplForBothKinds() {
        assertInstanceOf(LoomServerImpl.class, ServerImpls.find("loom", ServerKind.SLOW));
        assertInstanceOf(LoomServerImpl.class, ServerImpls.find("loom", ServerKind.FAST));
    }

    @Test
    void fastServerSendsTheWholePoemAndCloses() throws Exception {
        var events = new RecordingEvents();
        try (PoetryServer server = impl.start(ServerConfig.fast(POEM).withEvents(events))) {
            assertArrayEquals(TEXT, fetch(server.address()));
            await().until(() -> events.finished.get() == 1);
        }
    }

    @Test
    void slowServerSendsNumBytesEachTimeTheClockMovesOnByTheDelay() throws Exception {
        var clock = new ManualClock();
        var events = new RecordingEvents();
        var config = ServerConfig.slow(POEM).withPacing(16, Duration.ofSeconds(1)).withClock(clock).withEvents(events);
        try (PoetryServer server = impl.start(config);
                var client = new Socket(server.address().getAddress(), server.port())) {
            InputStream in = client.getInputStream();
            assertArrayEquals(Arrays.copyOfRange(TEXT, 0, 16), in.readNBytes(16));
            await().until(() -> clock.sleepers() == 1);
            assertEquals(0, in.available(), "sent more before the clock moved");
            clock.advance(Duration.ofSeconds(1));
            assertArrayEquals(Arrays.copyOfRange(TEXT, 16, 32), in.readNBytes(16));
            await().until(() -> clock.sleepers() == 1);
            clock.advance(Duration.ofSeconds(1));
            assertArrayEquals(Arrays.copyOfRange(TEXT, 32, 41), in.readAllBytes());
            await().until(() -> events.finished.get() == 1);
            assertEquals(List.of(16, 16, 9), events.sent());
        }
    }

    @Test
    void clientsOverMaxConnectionsAreClosedAtOnce() throws Exception {
        var clock = new ManualClock(); // never advanced: admitted clients stay connected
        var events = new RecordingEvents();
        var config = ServerConfig.slow(POEM).withClock(clock).withEvents(events).withMaxConnections(2);
        try (PoetryServer server = impl.start(config);
                var first = new Socket(server.address().getAddress(), server.port());
                var second = new Socket(server.address().getAddress(), server.port())) {
            assertEquals(10, first.getInputStream().readNBytes(10).length);
            assertEquals(10, second.getInputStream().readNBytes(10).length);
            assertArrayEquals(new byte[0], fetch(server.address()), "the third client got poetry");
            await().until(() -> events.refused.get() == 1);
            assertEquals(2, events.connected());
        }
    }

    @Test
    void closeEndsEveryConnectionThreadAndReleasesEveryFd() throws Exception {
        long baseline = openFdsAfterWarmUp();
        var clock = new ManualClock(); // never advanced: every connection sleeps until close()
        var events = new RecordingEvents();
        List<Socket> clients = new ArrayList<>();
        PoetryServer server = impl.start(ServerConfig.slow(POEM).withClock(clock).withEvents(events));
        try {
            for (int i = 0; i < 100; i++) {
                var client = new Socket(server.address().getAddress(), server.port());
                clients.add(client);
                assertEquals(10, client.getInputStream().readNBytes(10).length);
            }
            await().until(() -> clock.sleepers() == 100);
        } finally {
            server.close();
        }
        assertEquals(100, events.connectionThreads.size());
        events.connectionThreads.forEach(t -> assertFalse(t.isAlive(), t + " outlived close()"));
        assertEquals(List.of(), List.copyOf(events.dropped), "close() is not the client's doing");
        for (Socket client : clients) {
            assertEquals(-1, client.getInputStream().read(), "the connection was not closed");
            client.close();
        }
        await().until(() -> openFds() <= baseline);
        server.close(); // idempotent
    }

    @Test
    void closeFromTheServersOwnThreadIsRefused() throws Exception {
        var seen = new CompletableFuture<Throwable>();
        var self = new CompletableFuture<PoetryServer>();
        ServerEvents closing = new ServerEvents() {
            @Override
            public void connected(java.net.SocketAddress peer) {
                try {
                    self.join().close();
                    seen.complete(null);
                } catch (Throwable t) {
                    seen.complete(t);
                }
            }
        };
        try (PoetryServer server = impl.start(ServerConfig.fast(POEM).withEvents(closing))) {
            self.complete(server);
            fetch(server.address());
            assertInstanceOf(WrongThreadException.class, seen.get());
        }
    }

    @Test
    void aPortInUseFailsAndLeavesNothingOpen() throws Exception {
        try (PoetryServer first = impl.start(ServerConfig.fast(POEM))) {
            long before = openFds();
            assertThrows(java.net.BindException.class, () -> impl.start(ServerConfig.fast(POEM).withPort(first.port())));
            assertEquals(before, openFds());
        }
    }
}
