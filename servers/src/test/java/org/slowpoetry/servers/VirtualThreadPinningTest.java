package org.slowpoetry.servers;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.loom.Outcome;
import org.slowpoetry.loom.PinningRecorder;
import org.slowpoetry.loom.Scopes;

/**
 * Issue 15's target 6 as a test: the servers that run a virtual thread per client ({@code loom},
 * {@code erlang}) pin no carrier in our code while they serve, slow or fast. JFR's
 * {@code jdk.VirtualThreadPinned} events (threshold 0) are counted, not timed.
 *
 * <p>Each server is warmed up first with a few clients: the first concurrent use of a class makes
 * two virtual threads load it at once, and class loading pins on JDK 25 (a JDK limit, once per
 * class and process, which {@code bench load}'s recordings show as one to three events per server
 * process). {@link PinningRecorder#pinnedInOurCode} adds a positive control.
 */
class VirtualThreadPinningTest {

    static final byte[] TEXT = "The woods are lovely, dark and deep,\nBut I have promises to keep,\n".getBytes(UTF_8);
    static final Poem POEM = Poem.of("frost.txt", TEXT);

    /** The servers under test: each impl with a virtual thread per client, slow and fast. */
    static final List<String> IMPLS = List.of("loom", "erlang");

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void servingSlowAndFastClientsPinsNoCarrierInOurCode() throws Exception {
        serveEach(20); // warm-up: every class of the serving path loaded
        assertEquals(List.of(), PinningRecorder.pinnedInOurCode(() -> serveEach(500)));
    }

    /** Starts each impl for each kind in turn and serves {@code clients} at once. */
    private static void serveEach(int clients) throws Exception {
        for (String name : IMPLS) {
            for (ServerKind kind : List.of(ServerKind.SLOW, ServerKind.FAST)) {
                try (PoetryServer server = ServerImpls.find(name, kind).start(config(kind))) {
                    fetchAll(server.address(), clients);
                }
            }
        }
    }

    private static ServerConfig config(ServerKind kind) {
        return kind == ServerKind.SLOW ? ServerConfig.slow(POEM).withPacing(16, Duration.ofMillis(5))
                : ServerConfig.fast(POEM);
    }

    /** Every client at once, each on its own virtual thread, each checked for the whole poem. */
    private static void fetchAll(InetSocketAddress address, int clients) throws InterruptedException {
        List<Outcome<byte[]>> outcomes = Scopes.forEachInOrder(IntStream.range(0, clients).boxed().toList(),
                Duration.ofSeconds(30), i -> Clients.fetch(address));
        for (int i = 0; i < clients; i++) {
            switch (outcomes.get(i)) {
                case Outcome.Success(byte[] poem) -> assertArrayEquals(TEXT, poem, "client " + i + " got a wrong poem");
                case Outcome.Failure(Throwable why) -> throw new AssertionError("client " + i + " failed", why);
            }
        }
    }
}
