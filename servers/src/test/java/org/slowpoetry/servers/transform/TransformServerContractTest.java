package org.slowpoetry.servers.transform;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slowpoetry.protocol.NetstringEncoder;
import org.slowpoetry.servers.Clients;
import org.slowpoetry.transform.LineRequest;
import org.slowpoetry.transform.Transform;
import org.slowpoetry.transform.TransformRegistry;
import org.slowpoetry.transform.TransformRequest;
import org.slowpoetry.transform.TransformService;
import org.slowpoetry.trial.LeakCheck;

/**
 * The transformation server's contract (Part 12 and its exercises 1 to 4), run against every
 * {@link TransformImpl} over real sockets on 127.0.0.1.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransformServerContractTest {

    private static final String POEM = "Roses Are Red,\nSockets Are Blue.\nA Dot. Or Two.\n";

    /** Completed by a test to release the {@code later} transform's results. */
    private final CompletableFuture<Void> gate = new CompletableFuture<>();

    /** The standard set plus a transform whose result waits for {@link #gate} (exercise 4). */
    private final TransformService service = new TransformService(TransformRegistry.standard()
            .with("later", Transform.later(poem -> gate.thenApply(ignored -> "later: " + poem))));

    private final List<TransformServer> servers = new ArrayList<>();

    @AfterEach
    void closeServers() {
        servers.forEach(TransformServer::close);
    }

    private TransformServer start(TransformImpl impl, TransformServerConfig config) throws IOException {
        TransformServer server = impl.start(config);
        servers.add(server);
        return server;
    }

    private TransformServer start(TransformImpl impl) throws IOException {
        return start(impl, TransformServerConfig.of(service).withLinePort(0));
    }

    private static byte[] netstringRequest(String name, String poem) {
        return NetstringEncoder.encode(new TransformRequest(name, poem).payload());
    }

    private static byte[] netstring(String payload) {
        return NetstringEncoder.encode(payload.getBytes(UTF_8));
    }

    /** Sends {@code request} and returns every byte the server sends before it closes. */
    private static byte[] ask(InetSocketAddress server, byte[] request) throws IOException {
        try (Socket socket = Clients.connect(server)) {
            socket.getOutputStream().write(request);
            return socket.getInputStream().readAllBytes();
        }
    }

    @ParameterizedTest
    @EnumSource(TransformImpl.class)
    void everyRegistryEntryAnswersWithItsOwnTransformation(TransformImpl impl) throws IOException {
        gate.complete(null);
        TransformServer server = start(impl);
        for (String name : service.registry().names()) {
            String expected = service.registry().find(name).orElseThrow().applyAsync(POEM).join();
            assertArrayEquals(netstring(expected), ask(server.address(), netstringRequest(name, POEM)), name);
        }
    }

    @ParameterizedTest
    @EnumSource(TransformImpl.class)
    void aTransformThatAnswersLaterIsAwaitedWithoutHoldingUpOtherClients(TransformImpl impl) throws Exception {
        TransformServer server = start(impl);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<byte[]> waiting = pool.submit(() -> ask(server.address(), netstringRequest("later", "x")));
            assertArrayEquals(netstring("X"), ask(server.address(), netstringRequest("upper", "x")));
            gate.complete(null);
            assertArrayEquals(netstring("later: x"), waiting.get());
        }
    }

    @ParameterizedTest
    @EnumSource(TransformImpl.class)
    void anUnknownTransformIsClosedWithNoReply(TransformImpl impl) throws IOException {
        TransformServer server = start(impl);
        assertEquals(0, ask(server.address(), netstringRequest("shout", POEM)).length);
    }

    @ParameterizedTest
    @EnumSource(TransformImpl.class)
    void aRequestWithoutADotIsClosedWithNoReply(TransformImpl impl) throws IOException {
        TransformServer server = start(impl);
        assertEquals(0, ask(server.address(), netstring("upper")).length);
    }

    @ParameterizedTest
    @EnumSource(TransformImpl.class)
    void aMalformedNetstringIsClosedAtOnceWhileAnotherClientIsServed(TransformImpl impl) throws IOException {
        TransformServer server = start(impl);
        try (Socket patient = Clients.connect(server.address())) {
            byte[] request = netstringRequest("upper", POEM);
            OutputStream out = patient.getOutputStream();
            out.write(request, 0, 10); // half a request: this client is mid-send while the other one fails
            assertEquals(0, ask(server.address(), "3:abc;".getBytes(US_ASCII)).length);
            assertEquals(0, ask(server.address(), "x:".getBytes(US_ASCII)).length);
            out.write(request, 10, request.length - 10);
            assertArrayEquals(netstring(POEM.toUpperCase()), patient.getInputStream().readAllBytes());
        }
    }

    @ParameterizedTest
    @EnumSource(TransformImpl.class)
    void aNetstringLongerThanTheLimitIsClosedAsSoonAsItsLengthShowsIt(TransformImpl impl) throws IOException {
        // A long request timeout: only the length check can close this connection within the test.
        TransformServer server = start(impl, TransformServerConfig.of(service).withMaxRequest(64)
                .withRequestTimeout(Duration.ofMinutes(5)));
        try (Socket greedy = Clients.connect(server.address())) {
            greedy.getOutputStream().write("100000:".getBytes(US_ASCII)); // no payload sent at all
            assertEquals(-1, greedy.getInputStream().read());
        }
        assertArrayEquals(netstring("SMALL"), ask(server.address(), netstringRequest("upper", "small")));
    }

    @ParameterizedTest
    @EnumSource(TransformImpl.class)
    void aClientThatSendsHalfARequestIsClosedAfterTheRequestTimeout(TransformImpl impl) throws IOException {
        TransformServer server = start(impl, TransformServerConfig.of(service)
                .withRequestTimeout(Duration.ofMillis(200)));
        try (Socket slow = Clients.connect(server.address())) {
            slow.getOutputStream().write("20:upp".getBytes(US_ASCII));
            assertEquals(-1, slow.getInputStream().read());
        }
        try (Socket silent = Clients.connect(server.address())) {
            assertEquals(-1, silent.getInputStream().read());
        }
    }

    @ParameterizedTest
    @EnumSource(TransformImpl.class)
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aThousandConcurrentRequestsAreAllAnsweredCorrectly(TransformImpl impl) throws Exception {
        TransformServer server = start(impl);
        int clients = 1_000;
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<byte[]>> replies = new ArrayList<>(clients);
            for (int i = 0; i < clients; i++) {
                String poem = "Poem Number " + i + "\n";
                replies.add(pool.submit(() -> ask(server.address(), netstringRequest("cummingsify", poem))));
            }
            for (int i = 0; i < clients; i++) {
                assertArrayEquals(netstring("poem number " + i + "\n"), replies.get(i).get(), "client " + i);
            }
        }
        assertEquals(clients, service.requests());
    }

    @ParameterizedTest
    @EnumSource(TransformImpl.class)
    void theLineProtocolTakesOneEscapedLineAndAnswersWithOne(TransformImpl impl) throws IOException {
        TransformServer server = start(impl);
        InetSocketAddress lines = server.lineAddress().orElseThrow();
        byte[] reply = ask(lines, LineRequest.encode(new TransformRequest("reverse-lines", POEM)));
        assertArrayEquals(LineRequest.reply("A Dot. Or Two.\nSockets Are Blue.\nRoses Are Red,\n"), reply);
        assertEquals(0, ask(lines, "nope poem\n".getBytes(UTF_8)).length);
        assertEquals(0, ask(lines, "upper-without-a-space\n".getBytes(UTF_8)).length);
    }

    @ParameterizedTest
    @EnumSource(TransformImpl.class)
    void bothPortsShareOneServiceInstance(TransformImpl impl) throws IOException {
        TransformServer server = start(impl);
        assertTrue(server.lineAddress().isPresent());
        ask(server.address(), netstringRequest("upper", "a"));
        ask(server.lineAddress().orElseThrow(), LineRequest.encode(new TransformRequest("upper", "b")));
        assertEquals(2, service.requests());
        assertEquals(service, server.service());
    }

    @ParameterizedTest
    @EnumSource(TransformImpl.class)
    void withoutALinePortOnlyTheNetstringPortIsServed(TransformImpl impl) throws IOException {
        TransformServer server = start(impl, TransformServerConfig.of(service));
        assertTrue(server.lineAddress().isEmpty());
        assertArrayEquals(netstring("A"), ask(server.address(), netstringRequest("upper", "a")));
    }
}
