package org.slowpoetry.fetch;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slowpoetry.defer.CancelledException;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.protocol.NetstringDecoder;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.reactor.ReactorThread;
import org.slowpoetry.trial.LeakCheck;

/**
 * The two transform clients, the reactor's {@link TransformClient#xform} and the blocking
 * {@link BlockingTransform#xform}, give the same answer for each way a transform server can
 * behave: their rules are one {@link TransformExchange}'s. A scripted server reads the request,
 * then replies with the bytes a test gives it, and closes (or stays silent).
 */
@ExtendWith(LeakCheck.class)
@Timeout(20)
class TransformClientsTest {
    private static final FetchSettings SETTINGS = FetchSettings.defaults();
    private static final String POEM = "The Poem. With a dot";

    /** How a test calls the transform server. */
    enum Client {
        REACTOR, BLOCKING
    }

    /** The reactor of the REACTOR client, a new one for each test. */
    @AutoClose
    private final ReactorThread loop;

    TransformClientsTest() throws IOException {
        loop = ReactorThread.start(Reactor.open(), "test-reactor");
    }

    @BeforeAll
    static void warmUp() {
        Deferred.fail(new Exception("warm-up")).addErrback(failure -> null); // the Deferreds' cleaner thread
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void theReplyIsTheTransformedPoemAndTheRequestIsOneNetstring(Client client) throws Exception {
        try (var server = new ScriptedTransformServer("7:a poem!,", true)) {
            assertEquals("a poem!", xform(client, server.address(), "cummingsify", SETTINGS));
            assertEquals("cummingsify." + POEM, server.request());
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void bytesAfterTheReplyAreIgnored(Client client) throws Exception {
        try (var server = new ScriptedTransformServer("3:abc,x", true)) {
            assertEquals("abc", xform(client, server.address(), "cummingsify", SETTINGS));
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void aServerThatClosesWithoutAReplyIsNoReply(Client client) throws Exception {
        try (var server = new ScriptedTransformServer("", true)) {
            assertEquals(new FetchFailure.NoReply(server.address(), "nonesuch"),
                    failure(client, server.address(), "nonesuch", SETTINGS));
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void aReplyPastTheLimitIsTooLong(Client client) throws Exception {
        try (var server = new ScriptedTransformServer("100:", false)) {
            assertEquals(new FetchFailure.TooLong(server.address(), 3, 16),
                    failure(client, server.address(), "cummingsify", SETTINGS.withMaxPoemBytes(16)));
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void aMalformedReplyIsABadPoemAndACutOneIsTruncated(Client client) throws Exception {
        try (var malformed = new ScriptedTransformServer("5x", false); var cut = new ScriptedTransformServer("10:abc", true)) {
            assertInstanceOf(FetchFailure.BadPoem.class, failure(client, malformed.address(), "cummingsify", SETTINGS));
            var truncated = assertInstanceOf(FetchFailure.Truncated.class,
                    failure(client, cut.address(), "cummingsify", SETTINGS));
            assertEquals(6, truncated.received());
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void aSilentServerTimesOut(Client client) throws Exception {
        Duration timeout = Duration.ofMillis(300);
        try (var server = new ScriptedTransformServer("", false)) {
            assertEquals(new FetchFailure.TimedOut(server.address(), true, 0, timeout),
                    failure(client, server.address(), "cummingsify", SETTINGS.withTimeout(timeout)));
        }
    }

    @ParameterizedTest
    @EnumSource(Client.class)
    void aServerThatIsDownIsRefused(Client client) throws Exception {
        Address down;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            down = new Address("127.0.0.1", socket.getLocalPort());
        }
        assertEquals(new FetchFailure.Refused(down), failure(client, down, "cummingsify", SETTINGS));
    }

    @Test
    void cancellingWhileAwaitingTheReplyClosesTheConnectionAndFailsWithCancelled() throws Exception {
        try (var server = new ScriptedTransformServer("", false)) {
            CompletableFuture<Object> result = new CompletableFuture<>();
            Deferred<String> d = loop.call(() -> {
                Deferred<String> asked = TransformClient.xform(loop.reactor(), server.address(), "cummingsify", POEM,
                        SETTINGS);
                asked.addBoth(r -> result.complete(r));
                return asked;
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> server.request() != null);

            loop.execute(d::cancel);

            assertEquals(-1, server.nextRead().get(10, TimeUnit.SECONDS), "the server sees the connection close");
            assertInstanceOf(CancelledException.class,
                    assertInstanceOf(Failure.class, result.get(10, TimeUnit.SECONDS)).value());
        }
    }

    @Test
    void aNameThatCannotBeSentIsRejectedAtOnce() {
        assertThrows(IllegalArgumentException.class,
                () -> BlockingTransform.xform(new Address("127.0.0.1", 1), "a.b", POEM, SETTINGS));
    }

    private String xform(Client client, Address address, String name, FetchSettings settings) throws Exception {
        return switch (client) {
            case BLOCKING -> BlockingTransform.xform(address, name, POEM, settings);
            case REACTOR -> {
                CompletableFuture<Object> result = new CompletableFuture<>();
                loop.execute(() -> TransformClient.xform(loop.reactor(), address, name, POEM, settings)
                        .addBoth(r -> result.complete(r)));
                Object outcome = result.get(15, TimeUnit.SECONDS);
                if (outcome instanceof Failure failure) {
                    throw (Exception) failure.value();
                }
                yield (String) outcome;
            }
        };
    }

    private FetchFailure failure(Client client, Address address, String name, FetchSettings settings) {
        return assertThrows(FetchException.class, () -> xform(client, address, name, settings)).failure();
    }

    /**
     * Serves one connection: reads the request netstring, writes {@code reply}, then closes if
     * {@code close} or waits (reading) until the client closes or the test does.
     */
    private static final class ScriptedTransformServer implements AutoCloseable {
        private final ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final CompletableFuture<String> request = new CompletableFuture<>();
        private final CompletableFuture<Integer> nextRead = new CompletableFuture<>();
        private final CountDownLatch closed = new CountDownLatch(1);
        private final Thread thread;

        ScriptedTransformServer(String reply, boolean close) throws IOException {
            thread = Thread.ofPlatform().start(() -> serve(reply.getBytes(StandardCharsets.US_ASCII), close));
        }

        Address address() {
            return new Address("127.0.0.1", listener.getLocalPort());
        }

        /** The request's payload, or null before it is read. */
        String request() {
            return request.getNow(null);
        }

        /** What the read after the request returned: -1 when the client closed. */
        CompletableFuture<Integer> nextRead() {
            return nextRead;
        }

        private void serve(byte[] reply, boolean close) {
            try (Socket client = listener.accept()) {
                InputStream in = client.getInputStream();
                List<byte[]> payloads = new ArrayList<>();
                NetstringDecoder decoder = new NetstringDecoder();
                while (payloads.isEmpty()) {
                    int b = in.read();
                    if (b == -1) {
                        return;
                    }
                    decoder.feed(new byte[] {(byte) b}, 0, 1, payloads::add);
                }
                request.complete(new String(payloads.getFirst(), StandardCharsets.UTF_8));
                client.getOutputStream().write(reply);
                if (!close) {
                    nextRead.complete(in.read());
                    closed.await();
                }
            } catch (IOException | InterruptedException e) {
                nextRead.completeExceptionally(e); // closed by the test
            }
        }

        @Override
        public void close() throws Exception {
            closed.countDown();
            listener.close();
            thread.join();
        }
    }
}
