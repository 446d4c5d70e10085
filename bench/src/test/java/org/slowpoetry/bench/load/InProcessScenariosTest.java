package org.slowpoetry.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerImpl;
import org.slowpoetry.servers.ServerImpls;
import org.slowpoetry.trial.LeakCheck;

/**
 * Every scenario's client side at a tiny size against every Java impl on the class path, in this
 * JVM: every poem arrives byte for byte, and the counts add up. Keeps the harness from rotting as
 * impls come and go; no timing is asserted.
 */
@ExtendWith(LeakCheck.class)
@Timeout(60)
class InProcessScenariosTest {
    private static final byte[] POEM = "A poem for the load generator,\nchecked byte for byte.\n".repeat(40)
            .getBytes(StandardCharsets.UTF_8);

    /**
     * The JDK starts the virtual-thread scheduler's timer thread ({@code ForkJoinPool-1-delayScheduler})
     * on the first timed park of a virtual thread and keeps it for good; start it before any leak
     * snapshot so it is part of the baseline. (Worth moving into {@code Leaks}' own priming.)
     */
    @BeforeAll
    static void startTheVirtualThreadTimer() throws InterruptedException {
        Thread.ofVirtual().start(() -> LockSupport.parkNanos(1_000_000)).join();
    }

    static Stream<ServerImpl> impls() {
        return ServerImpls.all().stream()
                .filter(i -> !i.name().equals("netty-epoll") || io.netty.channel.epoll.Epoll.isAvailable());
    }

    @ParameterizedTest
    @MethodSource("impls")
    void fastClientsAllGetThePoemWhole(ServerImpl impl) throws Exception {
        try (PoetryServer server = impl.start(ServerConfig.fast(Poem.of("p", POEM)))) {
            var report = LoadGenerator.fetch(server.address(), 8, POEM, 20_000);
            assertTrue(report.complete(), () -> report.toMap().toString());
            assertEquals(8L * POEM.length, report.bytes());
            assertEquals(8, report.ttfbNanos().length);
            assertTrue(report.ttfbNanos()[0] <= report.ttlbNanos()[report.ttlbNanos().length - 1]);
        }
    }

    @ParameterizedTest
    @MethodSource("impls")
    void aLargePoemArrivesWhole(ServerImpl impl) throws Exception {
        byte[] large = new byte[256 * 1024];
        for (int i = 0; i < large.length; i++) {
            large[i] = POEM[i % POEM.length];
        }
        try (PoetryServer server = impl.start(ServerConfig.fast(Poem.of("large", large)))) {
            var report = LoadGenerator.fetch(server.address(), 3, large, 20_000);
            assertTrue(report.complete(), () -> report.toMap().toString());
        }
    }

    @ParameterizedTest
    @MethodSource("impls")
    void slowClientsAllGetThePoemWhole(ServerImpl impl) throws Exception {
        var config = ServerConfig.slow(Poem.of("p", POEM)).withPacing(512, Duration.ofMillis(5));
        try (PoetryServer server = impl.start(config)) {
            var report = LoadGenerator.fetch(server.address(), 3, POEM, 30_000);
            assertTrue(report.complete(), () -> report.toMap().toString());
        }
    }

    @ParameterizedTest
    @MethodSource("impls")
    void heldConnectionsAreAllServedThenReleased(ServerImpl impl) throws Exception {
        // the blocking server serves one connection at a time: only one can be served while held
        int clients = impl.name().equals("blocking") ? 1 : 12;
        var config = ServerConfig.slow(Poem.of("p", POEM)).withPacing(10, Duration.ofSeconds(30));
        try (PoetryServer server = impl.start(config)) {
            try (var hold = LoadGenerator.hold(server.address(), clients, 4, 20_000)) {
                assertEquals(clients, hold.served(), () -> hold.toMap().toString());
                var map = hold.toMap();
                assertEquals((double) clients, ((Number) map.get("connected")).doubleValue());
                assertEquals(0, ((Number) map.get("failed")).intValue());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("impls")
    void aServerThatIsGoneCountsAsFailedNotServed(ServerImpl impl) throws Exception {
        PoetryServer server = impl.start(ServerConfig.fast(Poem.of("p", POEM)));
        var address = server.address();
        server.close();
        var report = LoadGenerator.fetch(address, 4, POEM, 5_000);
        assertEquals(0, report.ok());
        assertEquals(4, report.failed());
    }
}
