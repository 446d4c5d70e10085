package org.slowpoetry.servers.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slowpoetry.net.WriteTimeoutException;
import org.slowpoetry.servers.Clients;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.RecordingServerEvents;
import org.slowpoetry.servers.RecordingServerEvents.Connected;
import org.slowpoetry.servers.RecordingServerEvents.Dropped;
import org.slowpoetry.servers.RecordingServerEvents.Finished;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.TestPoems;
import org.slowpoetry.trial.LeakCheck;

/**
 * The fault suite against the poetry servers, every impl: clients that leave all at once, never
 * read, half-close, or send what nobody asked for. Each case checks that the clients who behave
 * get their poem byte for byte, and that the server, still running, holds no socket or thread of
 * the clients that misbehaved ({@link WhileServing}); then
 * {@link LeakCheck} that nothing outlives it.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PoetryServerFaultsTest {

    /** A slow poem: 1,000 bytes in ten sends, 10 ms apart. */
    private static final Poem POEM = TestPoems.ofSize(1_000);
    /** Far more than the loopback socket buffers hold: a client that does not read stalls its writer. */
    private static final Poem LARGE = TestPoems.ofSize(32 << 20);
    /** How many clients misbehave at once: below the blocking server's accept backlog (50). */
    private static final int CROWD = 40;
    /** A bound on how long the server may take to notice; generous, never asserted as a time. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final RecordingServerEvents events = new RecordingServerEvents();

    private ServerConfig slow() {
        return ServerConfig.slow(POEM).withPacing(100, Duration.ofMillis(10)).withEvents(events);
    }

    private ServerConfig fast(Poem poem) {
        return ServerConfig.fast(poem).withEvents(events);
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(PoetryImpl.class)
    void aMassOfResetsCostsNoOtherClientItsPoemAndLeavesNothingBehind(PoetryImpl impl) throws Exception {
        try (PoetryServer server = impl.start(slow())) {
            WhileServing.assertNothingLeftBehind(() -> {
                List<Socket> quitters = Peers.connect(server.address(), CROWD);
                awaitServing(impl, CROWD);
                quitters.forEach(Peers::reset);
                assertArrayEquals(POEM.bytes(), Clients.fetch(server.address()));
            });
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(PoetryImpl.class)
    void aMassOfClosesCostsNoOtherClientItsPoemAndLeavesNothingBehind(PoetryImpl impl) throws Exception {
        try (PoetryServer server = impl.start(slow())) {
            WhileServing.assertNothingLeftBehind(() -> {
                List<Socket> quitters = Peers.connect(server.address(), CROWD);
                awaitServing(impl, CROWD);
                quitters.forEach(Peers::leave); // an orderly close: the next send finds them gone
                assertArrayEquals(POEM.bytes(), Clients.fetch(server.address()));
            });
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(PoetryImpl.class)
    void aClientThatNeverReadsIsClosedAfterTheWriteTimeout(PoetryImpl impl) throws Exception {
        try (PoetryServer server = impl.start(fast(LARGE).withWriteTimeout(Duration.ofMillis(300)))) {
            WhileServing.assertNothingLeftBehind(() -> {
                try (Socket staller = Clients.connect(server.address())) {
                    SocketAddress peer = staller.getLocalSocketAddress();
                    await().atMost(PATIENCE).until(() -> dropped(peer));
                    assertInstanceOf(WriteTimeoutException.class, droppedBecause(peer));
                    assertTrue(Peers.ended(staller), "the server closed the client that never read");
                }
            });
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(PoetryImpl.class)
    void aClientThatNeverReadsDelaysNoOneElse(PoetryImpl impl) throws Exception {
        // One client at a time: the write timeout frees the server. Otherwise nobody waits for it at all.
        Duration timeout = impl.oneAtATime() ? Duration.ofMillis(500) : Duration.ofMinutes(5);
        try (PoetryServer server = impl.start(fast(LARGE).withWriteTimeout(timeout));
                Socket staller = Clients.connect(server.address())) {
            SocketAddress stalled = staller.getLocalSocketAddress();
            await().atMost(PATIENCE).until(() -> events.indexOf(new Connected(stalled)) >= 0);
            try (Socket other = Clients.connect(server.address())) {
                assertArrayEquals(LARGE.bytes(), Peers.readAll(other));
                int otherServed = events.indexOf(new Connected(other.getLocalSocketAddress()));
                if (impl.oneAtATime()) {
                    assertTrue(droppedAt(stalled) < otherServed, "served only once the staller was closed");
                } else {
                    assertTrue(!dropped(stalled), "served while the staller was still connected");
                }
            }
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(PoetryImpl.class)
    void aClientThatHalfClosesGetsTheWholeSlowPoem(PoetryImpl impl) throws Exception {
        assertHalfClosedClientServed(impl, slow(), POEM);
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(PoetryImpl.class)
    void aClientThatHalfClosesGetsTheWholeFastPoem(PoetryImpl impl) throws Exception {
        assertHalfClosedClientServed(impl, fast(TestPoems.ofSize(1 << 20)), TestPoems.ofSize(1 << 20));
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(PoetryImpl.class)
    void bytesSentToAPoetryServerAreIgnoredAndTheWholePoemEndsCleanly(PoetryImpl impl) throws Exception {
        try (PoetryServer server = impl.start(slow())) {
            WhileServing.assertNothingLeftBehind(() -> {
                try (Socket chatty = Clients.connect(server.address())) {
                    Peers.send(chatty, Peers.garbage(64 << 10)); // never read by most impls
                    // The poem, then an end of stream: a reset here would cost a client its last bytes.
                    assertArrayEquals(POEM.bytes(), Peers.readAll(chatty));
                }
                await().atMost(PATIENCE).until(() -> events.all().stream().anyMatch(Finished.class::isInstance));
            });
        }
    }

    // ---- helpers ----

    private void assertHalfClosedClientServed(PoetryImpl impl, ServerConfig config, Poem poem) throws Exception {
        try (PoetryServer server = impl.start(config)) {
            WhileServing.assertNothingLeftBehind(() -> {
                SocketAddress peer;
                try (Socket client = Clients.connect(server.address())) {
                    peer = client.getLocalSocketAddress();
                    client.shutdownOutput(); // nc -N: "I have nothing to say", not "I am gone"
                    assertArrayEquals(poem.bytes(), Peers.readAll(client));
                }
                await().atMost(PATIENCE).until(() -> events.about(peer).stream().anyMatch(Finished.class::isInstance));
            });
        }
    }

    /** Waits until the server serves {@code n} clients, or, one at a time, has taken the first. */
    private void awaitServing(PoetryImpl impl, int n) {
        int expected = impl.oneAtATime() ? 1 : n;
        await().atMost(PATIENCE).until(() -> connectedCount() >= expected);
    }

    private long connectedCount() {
        return events.all().stream().filter(Connected.class::isInstance).count();
    }

    private boolean dropped(SocketAddress peer) {
        return droppedAt(peer) >= 0;
    }

    private int droppedAt(SocketAddress peer) {
        List<RecordingServerEvents.Event> all = events.all();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof Dropped(SocketAddress p, Throwable why) && p.equals(peer)) {
                return i;
            }
        }
        return -1;
    }

    private Throwable droppedBecause(SocketAddress peer) {
        return events.about(peer).stream()
                .filter(Dropped.class::isInstance).map(e -> ((Dropped) e).reason())
                .findFirst().orElseThrow();
    }
}
