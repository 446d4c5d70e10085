package org.slowpoetry.servers.faults;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.protocol.NetstringEncoder;
import org.slowpoetry.servers.Clients;
import org.slowpoetry.servers.transform.TransformServerConfig;
import org.slowpoetry.trial.LeakCheck;
import org.slowpoetry.transform.TransformRequest;

/**
 * The fault suite against the servers that read a request ({@code serve transform} and
 * {@code serve transform-proxy}, each impl): a client that trickles its request, sends garbage,
 * half-closes after its request, or leaves in the middle of one. Each case checks that a good
 * request is still answered exactly, and that the server, still running, holds nothing of the
 * clients that misbehaved ({@link WhileServing}); then {@link LeakCheck}.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TransformFaultsTest {

    private static final String POEM = "Roses are red,\nsockets are blue.\n";
    /** What {@code upper} makes of {@link #POEM}, as a netstring. */
    private static final byte[] UPPER_REPLY = NetstringEncoder.encode(POEM.toUpperCase().getBytes(UTF_8));
    /** The request timeout of every case: short, so the trickling client is cut off soon. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(500);
    /** How many clients leave at once, half-way through their requests. */
    private static final int CROWD = 40;

    /** Requests no transform server can take. */
    enum Garbage {
        NOT_A_NETSTRING("hello, server\r\n".getBytes(UTF_8)),
        NO_TRANSFORM_NAME("5:hello,".getBytes(UTF_8)),
        AN_ENDLESS_LENGTH("99999999999999999999:upper.".getBytes(UTF_8)),
        BINARY(Peers.garbage(4096));

        private final byte[] bytes;

        Garbage(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    static Stream<Arguments> garbageToEveryTarget() {
        return Arrays.stream(TransformTarget.values())
                .flatMap(t -> Arrays.stream(Garbage.values()).map(g -> Arguments.of(t, g)));
    }

    private static byte[] request(String name, String poem) {
        return NetstringEncoder.encode(new TransformRequest(name, poem).payload());
    }

    /** Sends a good request and checks the reply, byte for byte. */
    private static void assertStillAnswers(InetSocketAddress server) throws IOException {
        try (Socket socket = Clients.connect(server)) {
            socket.getOutputStream().write(request("upper", POEM));
            assertArrayEquals(UPPER_REPLY, Peers.readAll(socket));
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(TransformTarget.class)
    void aClientTricklingItsRequestIsClosedAtTheRequestDeadline(TransformTarget target) throws Exception {
        try (var server = target.start(REQUEST_TIMEOUT)) {
            WhileServing.assertNothingLeftBehind(() -> {
                byte[] request = request("upper", "x".repeat(1_000));
                int sent = 0;
                try (Socket trickler = Clients.connect(server.address());
                        var reader = Executors.newVirtualThreadPerTaskExecutor()) {
                    CompletableFuture<Boolean> ended = CompletableFuture.supplyAsync(() -> Peers.ended(trickler), reader);
                    OutputStream out = trickler.getOutputStream();
                    try {
                        while (!ended.isDone() && sent < request.length) {
                            out.write(request[sent++]);
                            LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // a byte every 20 ms
                        }
                    } catch (IOException closedUnderUs) {
                        // the server closed: the reader says so too
                    }
                    assertTrue(ended.get(), "the server closed the trickling client");
                }
                assertTrue(sent < request.length, "closed before the request was whole: " + sent + " of " + request.length);
                assertStillAnswers(server.address());
            });
        }
    }

    @ParameterizedTest(name = "[{0}, {1}]")
    @MethodSource("garbageToEveryTarget")
    void garbageIsClosedWithNoReplyAndTheServerGoesOn(TransformTarget target, Garbage garbage) throws Exception {
        try (var server = target.start(TransformServerConfig.DEFAULT_REQUEST_TIMEOUT)) {
            WhileServing.assertNothingLeftBehind(() -> {
                try (Socket client = Clients.connect(server.address())) {
                    Peers.send(client, garbage.bytes);
                    assertArrayEquals(new byte[0], Peers.readAllOrReset(client), "no reply to " + garbage);
                }
                assertStillAnswers(server.address());
            });
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(TransformTarget.class)
    void aClientThatHalfClosesAfterItsRequestStillGetsTheReply(TransformTarget target) throws Exception {
        try (var server = target.start(TransformServerConfig.DEFAULT_REQUEST_TIMEOUT)) {
            WhileServing.assertNothingLeftBehind(() -> {
                try (Socket client = Clients.connect(server.address())) {
                    client.getOutputStream().write(request("upper", POEM));
                    client.shutdownOutput();
                    assertArrayEquals(UPPER_REPLY, Peers.readAll(client));
                }
            });
        }
    }

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(TransformTarget.class)
    void aMassOfResetsHalfWayThroughRequestsLeavesNothingBehind(TransformTarget target) throws Exception {
        try (var server = target.start(TransformServerConfig.DEFAULT_REQUEST_TIMEOUT)) {
            WhileServing.assertNothingLeftBehind(() -> {
                byte[] request = request("upper", POEM);
                byte[] half = Arrays.copyOf(request, request.length / 2);
                List<Socket> quitters = Peers.connect(server.address(), CROWD);
                quitters.forEach(q -> Peers.send(q, half));
                quitters.forEach(Peers::reset);
                assertStillAnswers(server.address());
            });
        }
    }
}
