package org.slowpoetry.servers.loom;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.HotSpotDiagnosticMXBean.ThreadDumpFormat;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import jdk.management.VirtualThreadSchedulerMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.loom.Outcome;
import org.slowpoetry.loom.PinningRecorder;
import org.slowpoetry.loom.Scopes;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerEvents;
import org.slowpoetry.time.ManualClock;

/**
 * The loom server under load: thousands of concurrent clients, each on its own virtual thread on
 * both sides, and what is left after close. Figures (wall time, heap, carrier threads) are printed,
 * never asserted.
 */
class LoomServerScaleTest {

    /** 60 bytes, sent as 3 chunks of 20: each connection sleeps twice. */
    static final byte[] TEXT = "Season of mists and mellow fruitfulness, close bosom-friend\n".getBytes(UTF_8);
    static final Poem POEM = Poem.of("autumn.txt", TEXT);

    private final LoomServerImpl impl = new LoomServerImpl();

    /** Counts connections being served at once, and the most there ever were. */
    static final class ConcurrencyEvents implements ServerEvents {
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();

        @Override
        public void connected(SocketAddress peer) {
            peak.accumulateAndGet(now.incrementAndGet(), Math::max);
        }

        @Override
        public void finished(SocketAddress peer) {
            now.decrementAndGet();
        }

        @Override
        public void dropped(SocketAddress peer, Throwable reason) {
            now.decrementAndGet();
        }
    }

    /** Every client, each on its own virtual thread, at once; their poems in client order. */
    static List<Outcome<byte[]>> fetchAll(InetSocketAddress address, int clients) throws InterruptedException {
        return Scopes.forEachInOrder(IntStream.range(0, clients).boxed().toList(), Duration.ofSeconds(60),
                i -> LoomServerTest.fetch(address));
    }

    static void assertEveryClientGotThePoem(List<Outcome<byte[]>> outcomes, int clients) {
        assertEquals(clients, outcomes.size());
        for (int i = 0; i < clients; i++) {
            switch (outcomes.get(i)) {
                case Outcome.Success(byte[] poem) -> assertArrayEquals(TEXT, poem, "client " + i + " got a wrong poem");
                case Outcome.Failure(Throwable why) -> throw new AssertionError("client " + i + " failed", why);
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void fiveThousandConcurrentClientsEachGetTheExactPoem() throws Exception {
        int clients = 5_000;
        long fdsBefore = LoomServerTest.openFdsAfterWarmUp();
        var events = new ConcurrencyEvents();
        var config = ServerConfig.slow(POEM).withPacing(20, Duration.ofMillis(20)).withEvents(events);
        try (var sampler = new Sampler(); PoetryServer server = impl.start(config)) {
            long start = System.nanoTime();
            List<Outcome<byte[]>> outcomes = fetchAll(server.address(), clients);
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            assertEveryClientGotThePoem(outcomes, clients);
            System.out.printf("loom server, %d clients, slow 20 bytes/20 ms, clients on virtual threads too:%n"
                    + "  wall time %d ms; peak concurrent connections %d%n  %s%n",
                    clients, wall.toMillis(), events.peak.get(), sampler.report());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> LoomServerTest.openFds() <= fdsBefore);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aThousandClientRunPinsNoCarrierInOurCode() throws Exception {
        int clients = 1_000;
        var config = ServerConfig.slow(POEM).withPacing(20, Duration.ofMillis(5));
        try (PoetryServer server = impl.start(config)) { // warm-up: initialize every class first
            assertEveryClientGotThePoem(fetchAll(server.address(), 20), 20);
        }
        List<String> ours = PinningRecorder.pinnedInOurCode(() -> {
            try (PoetryServer server = impl.start(config)) {
                assertEveryClientGotThePoem(fetchAll(server.address(), clients), clients);
            }
        });
        assertEquals(List.of(), ours);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void afterCloseAThreadDumpShowsNoneOfTheServersThreads() throws Exception {
        var clock = new ManualClock(); // never advanced: connections stay open until close()
        PoetryServer server = impl.start(ServerConfig.slow(POEM).withClock(clock));
        String prefix = "loom-server-" + server.port() + "-";
        List<Socket> clients = new ArrayList<>();
        String during;
        try {
            for (int i = 0; i < 50; i++) {
                var client = new Socket(server.address().getAddress(), server.port());
                clients.add(client);
                assertEquals(10, client.getInputStream().readNBytes(10).length);
            }
            await().until(() -> clock.sleepers() == 50);
            during = threadDump();
        } finally {
            server.close();
            for (Socket client : clients) {
                client.close();
            }
        }
        String after = threadDump();
        assertTrue(during.contains("\"" + prefix + "acceptor\""), "the dump shows no acceptor: it cannot be trusted");
        assertEquals(50, occurrences(during, "\"" + prefix + "connection-"), "connection threads while serving");
        assertEquals(0, occurrences(after, prefix), "server threads left after close()");
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith(prefix)));
    }

    /** A JSON thread dump, which unlike {@link Thread#getAllStackTraces} includes virtual threads. */
    static String threadDump() throws Exception {
        Path dir = Files.createTempDirectory("threads");
        Path file = dir.resolve("dump.json");
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toAbsolutePath().toString(), ThreadDumpFormat.JSON);
            return Files.readString(file);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    /**
     * Samples, every 5 ms on a platform thread, the heap in use and the virtual thread scheduler's
     * carrier threads, to report their peaks. Measurement only: nothing waits on it.
     */
    static final class Sampler implements AutoCloseable {
        private final VirtualThreadSchedulerMXBean scheduler =
                ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        private final int platformBefore = threads.getThreadCount();
        private final AtomicLong peakHeap = new AtomicLong();
        private final AtomicInteger peakCarriers = new AtomicInteger();
        private final AtomicInteger peakMounted = new AtomicInteger();
        private final java.util.concurrent.ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        Sampler() {
            threads.resetPeakThreadCount();
            timer.scheduleAtFixedRate(this::sample, 0, 5, TimeUnit.MILLISECONDS);
        }

        private void sample() {
            peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
            peakCarriers.accumulateAndGet(scheduler.getPoolSize(), Math::max);
            peakMounted.accumulateAndGet(scheduler.getMountedVirtualThreadCount(), Math::max);
        }

        String report() {
            sample();
            return String.format("heap used: %d MB before, peak %d MB (sampled every 5 ms)%n"
                    + "  carrier threads: parallelism %d, peak pool size %d, peak mounted virtual threads %d%n"
                    + "  platform threads: %d before, peak %d",
                    heapBefore >> 20, peakHeap.get() >> 20, scheduler.getParallelism(), peakCarriers.get(),
                    peakMounted.get(), platformBefore, threads.getPeakThreadCount());
        }

        @Override
        public void close() throws InterruptedException {
            timer.shutdownNow();
            timer.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
