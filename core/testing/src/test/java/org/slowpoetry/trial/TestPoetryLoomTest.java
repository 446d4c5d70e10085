package org.slowpoetry.trial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.slowpoetry.trial.TestPoetryTest.SETTINGS;
import static org.slowpoetry.trial.TestPoetryTest.TEST_POEM;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.fetch.BlockingFetch;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.protocol.Address;

/**
 * The Loom twin of {@link TestPoetryTest} (Part 15's {@code tests/test_poetry.py}): the same
 * server and the same two tests, with blocking code on virtual threads that the test's
 * {@link LoomTestScope} owns. The server is a fork that accepts until its listener closes, and a
 * fork per client; the client is {@link BlockingFetch} on a fork, joined. Nothing to wait for but
 * the joins: where trial needs the returned Deferred, Loom has the join.
 */
@LoomTest(timeout = 20)
@Timeout(30)
class TestPoetryLoomTest {

    private ServerSocket listener;

    /** trial's {@code setUp}: a poetry server on any free port. */
    @BeforeEach
    void setUp(LoomTestScope scope) throws IOException {
        listener = scope.own(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        scope.fork("poetry-server", () -> serve(scope, listener, TEST_POEM.length));
    }

    /** trial's {@code tearDown}: closing the listener ends the server fork's accept, and so the fork. */
    @AfterEach
    void tearDown() throws IOException {
        listener.close();
    }

    /** The text's {@code test_client}: the correct poem is returned by the client, byte for byte. */
    @Test
    void fetchReturnsThePoem(LoomTestScope scope) throws Exception {
        Address address = new Address("127.0.0.1", listener.getLocalPort());
        Fork<byte[]> poem = scope.fork("client", () -> BlockingFetch.fetch(address, SETTINGS, chunk -> { }));

        assertArrayEquals(TEST_POEM, poem.join());
    }

    /** The poem sent one byte per write (so a letter may straddle two reads) still arrives whole. */
    @Test
    void aPoemSentAByteAtATimeArrivesWhole(LoomTestScope scope) throws Exception {
        try (ServerSocket slow = scope.own(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()))) {
            scope.fork("slow-server", () -> serve(scope, slow, 1));
            Address address = new Address("127.0.0.1", slow.getLocalPort());
            Fork<byte[]> poem = scope.fork("client", () -> BlockingFetch.fetch(address, SETTINGS, chunk -> { }));

            assertArrayEquals(TEST_POEM, poem.join());
        }
    }

    /** The text's {@code test_failure}: connecting to a port with no server fails, refused. */
    @Test
    void fetchFailsWhenNoServerListens(LoomTestScope scope) throws IOException {
        Address nobody = TestPoetryTest.freePort();
        Fork<byte[]> fetch = scope.fork("client", () -> BlockingFetch.fetch(nobody, SETTINGS, chunk -> { }));

        FetchException refused = assertThrows(FetchException.class, fetch::join);
        assertEquals(new FetchFailure.Refused(nobody), refused.failure());
    }

    /**
     * A slow poetry server, small enough to live in the test as the text's does: accepts until
     * {@code listener} closes, and sends each client {@link TestPoetryTest#TEST_POEM} {@code chunk}
     * bytes per write from a fork of its own.
     */
    private static Void serve(LoomTestScope scope, ServerSocket listener, int chunk) throws IOException {
        while (true) {
            Socket client;
            try {
                client = scope.own(listener.accept());
            } catch (SocketException closed) {
                return null; // tearDown closed the listener: the server's work is done
            }
            scope.fork("poem-for-" + client.getPort(), () -> {
                try (client; OutputStream out = client.getOutputStream()) {
                    for (int sent = 0; sent < TEST_POEM.length; sent += chunk) {
                        out.write(TEST_POEM, sent, Math.min(chunk, TEST_POEM.length - sent));
                    }
                }
                return null;
            });
        }
    }
}
