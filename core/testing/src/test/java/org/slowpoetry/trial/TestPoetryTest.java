package org.slowpoetry.trial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.slowpoetry.trial.TrialAssertions.assertFailure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.fetch.PoetryClient;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.reactor.CannotListenException;
import org.slowpoetry.reactor.ListeningPort;
import org.slowpoetry.reactor.Protocol;
import org.slowpoetry.reactor.Reactor;

/**
 * Part 15's {@code tests/test_poetry.py}, under {@link ReactorTest}: a poetry server on a free
 * loopback port in {@code setUp}, stopped in {@code tearDown}; the client fetches the poem from it
 * with {@code getPoetry}, and fails as it should where no server listens. Each test hands its
 * Deferred to {@link Trial#waitFor} where the text's returns it. Its Loom twin is
 * {@link TestPoetryLoomTest}.
 */
@ReactorTest(timeout = 20)
class TestPoetryTest {

    /**
     * The poem: letters of two, three and four bytes in UTF-8 (accents, CJK, an emoji), so that a
     * client which decoded each read on its own, or lost a byte, would be caught.
     */
    static final byte[] TEST_POEM = """
            Un poème lent arrive, octet après octet :
            é, è, ç, œ, ß, ø — rien ne se perd en chemin.
            遅い詩が一文字ずつ届く。静かな夜に。
            And a last line, to close: 🌙
            """.getBytes(StandardCharsets.UTF_8);

    static final FetchSettings SETTINGS = FetchSettings.defaults().withTimeout(Duration.ofSeconds(10));

    private ListeningPort port;

    /** trial's {@code setUp}: a poetry server on any free port. */
    @BeforeEach
    void setUp(Reactor reactor) throws CannotListenException {
        port = reactor.listenTCP(0, peer -> new PoemServer(reactor, TEST_POEM.length), "127.0.0.1");
    }

    /**
     * trial's {@code tearDown}, which returns {@code port.stopListening()}'s Deferred: waited for,
     * so the port is really closed before the dirty-reactor check looks.
     */
    @AfterEach
    void tearDown(Trial trial) {
        trial.waitFor(port.stopListening());
    }

    /** The text's {@code test_client}: the correct poem is returned by getPoetry, byte for byte. */
    @Test
    void getPoetryReturnsThePoem(Reactor reactor, Trial trial) {
        Deferred<byte[]> d = PoetryClient.getPoetry(reactor, new Address("127.0.0.1", port.port()), SETTINGS);
        trial.waitFor(d.thenApply(poem -> {
            assertArrayEquals(TEST_POEM, poem);
            return null;
        }));
    }

    /** The poem sent one byte per turn of the loop (so a letter may straddle two reads) still arrives whole. */
    @Test
    void aPoemSentAByteAtATimeArrivesWhole(Reactor reactor, Trial trial) throws CannotListenException {
        ListeningPort slow = reactor.listenTCP(0, peer -> new PoemServer(reactor, 1), "127.0.0.1");
        Deferred<byte[]> d = PoetryClient.getPoetry(reactor, new Address("127.0.0.1", slow.port()), SETTINGS);
        trial.waitFor(d.thenApply(poem -> {
            slow.stopListening();
            assertArrayEquals(TEST_POEM, poem);
            return null;
        }));
    }

    /** The text's {@code test_failure}: connecting to a port with no server fails, refused. */
    @Test
    void getPoetryFailsWhenNoServerListens(Reactor reactor, Trial trial) throws IOException {
        Address nobody = freePort();
        Deferred<byte[]> d = PoetryClient.getPoetry(reactor, nobody, SETTINGS);
        trial.waitFor(assertFailure(d, FetchException.class).thenApply(e -> {
            assertEquals(new FetchFailure.Refused(nobody), e.failure());
            return null;
        }));
    }

    /**
     * A loopback port that was free a moment ago: bound, then closed (the text uses port -1). Not
     * with listenTCP and stopListening: the reactor's selector releases a closed channel's socket
     * only at its next select, so a connect made in the same turn would still reach the listener
     * (and be reset rather than refused). Twisted's stopListening returns a Deferred for that.
     */
    static Address freePort() throws IOException {
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new Address("127.0.0.1", closed.getLocalPort());
        }
    }

    /**
     * A slow poetry server's protocol, small enough to live in the test as the text's does: it
     * sends {@link #TEST_POEM} {@code chunk} bytes at a time, one write per turn of the loop, then
     * closes the connection.
     */
    private static final class PoemServer extends Protocol {
        private final Reactor reactor;
        private final int chunk;
        /** How much has been sent. Reactor thread only. */
        private int sent;

        PoemServer(Reactor reactor, int chunk) {
            this.reactor = reactor;
            this.chunk = chunk;
        }

        @Override
        protected void connectionMade() {
            sendNext();
        }

        private void sendNext() {
            if (!connected()) {
                return; // the client left
            }
            if (sent == TEST_POEM.length) {
                transport().loseConnection();
                return;
            }
            int end = Math.min(TEST_POEM.length, sent + chunk);
            transport().write(ByteBuffer.wrap(Arrays.copyOfRange(TEST_POEM, sent, end)));
            sent = end;
            reactor.callLater(Duration.ZERO, this::sendNext);
        }
    }
}
