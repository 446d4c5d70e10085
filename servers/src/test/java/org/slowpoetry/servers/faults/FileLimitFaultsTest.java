package org.slowpoetry.servers.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slowpoetry.servers.Clients;
import org.slowpoetry.servers.TestPoems;

/**
 * The fault suite at the file limit: {@code serve slow} in a child JVM under {@code ulimit -n 256},
 * held at the limit by clients that connect and wait, then released. At the limit the server logs
 * one warning, keeps its CPU low (a spin would keep a core busy: the poll selector once did), and
 * serves nobody new; released, it closes what it held, its descriptors fall back to where they
 * were, and it serves again. The blocking impl is not here: it holds one client at a time, so
 * clients wait in the kernel's backlog and never use its descriptors up.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FileLimitFaultsTest {

    /** The child's file limit: a JVM needs about 60 descriptors of its own; the rest go to clients. */
    private static final int FILE_LIMIT = 256;
    /** More clients than the limit allows: the extra ones wait in the listen backlog. */
    private static final int CLIENTS = 400;
    /**
     * Descriptors a JVM may open for good after the idle count (a virtual-thread poller's epoll on a
     * new carrier, a jar first read): a handful, against the couple of hundred clients held.
     */
    private static final int SLACK = 10;
    /** A CPU share no server at rest comes near, and a spinning one always passes: half a core. */
    private static final double SPINNING = 0.5;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(value = PoetryImpl.class, names = "BLOCKING", mode = EnumSource.Mode.EXCLUDE)
    void atTheFileLimitTheServerBacksOffWarnsOnceDoesNotSpinAndRecovers(PoetryImpl impl) throws Exception {
        // 100 bytes a second of a 1,000-byte poem: each client is held ten seconds, at no cost.
        byte[] poem = TestPoems.ofSize(1_000).bytes();
        Path file = Files.write(dir.resolve("poem.bin"), poem);
        List<String> args = new ArrayList<>(List.of("serve", "slow", "--port", "0", "--num-bytes", "100", "--delay", "1"));
        args.addAll(impl.options());
        args.add(file.toString());
        try (ChildServer server = ChildServer.start(FILE_LIMIT, args)) {
            var address = new InetSocketAddress("127.0.0.1", server.port());
            assertServesTheFirstPiece(address, poem); // warms up what the JVM opens once, on first use
            int fdsIdle = server.openFds();
            int threadsIdle = server.threads();

            List<Socket> holders = Peers.connect(address, CLIENTS);
            try {
                await().atMost(ChildServer.PATIENCE).until(() -> acceptWarnings(server) > 0);
                assertTrue(server.openFds() > FILE_LIMIT - 10, "at the limit: " + server.openFds() + " fds");
                double share = server.cpuShareOver(Duration.ofSeconds(1));
                assertTrue(share < SPINNING, "spinning at the file limit: " + Math.round(share * 100) + "% of a core");
            } finally {
                holders.forEach(Peers::reset);
            }

            await().atMost(ChildServer.PATIENCE).untilAsserted(() -> assertTrue(server.openFds() <= fdsIdle + SLACK,
                    "descriptors back to idle: " + fdsIdle + " idle, " + server.openFds() + " now"));
            assertServesTheFirstPiece(address, poem);
            assertEquals(1, acceptWarnings(server), "one warning, not one per failure: " + server.stderr());
            assertTrue(server.threads() <= threadsIdle + 16, "OS threads " + threadsIdle + " -> " + server.threads());
            assertNoTrace(server.stderr());

            server.signal("TERM");
            assertTrue(SignalFaultsTest.STOPPED_BY_SIGNAL.contains(server.awaitExit(ChildServer.PATIENCE)));
        }
    }

    /** A client gets the poem's first send, byte for byte: the server serves. */
    private static void assertServesTheFirstPiece(InetSocketAddress address, byte[] poem) throws IOException {
        try (Socket client = Clients.connect(address)) {
            byte[] first = Clients.readExactly(client.getInputStream(), 100);
            assertArrayEquals(Arrays.copyOf(poem, 100), first, "served, byte for byte");
        }
    }

    /** The warning lines about failed accepts (each impl words its own, all say accept and failed). */
    private static long acceptWarnings(ChildServer server) {
        return server.stderr().stream()
                .filter(line -> line.contains("WARN") && line.contains("accept") && line.contains("failed"))
                .count();
    }

    /** No stack trace: none of its lines ({@code \tat ...}, {@code Caused by: ...}, an uncaught exception). */
    static void assertNoTrace(List<String> stderr) {
        for (String line : stderr) {
            assertTrue(!line.startsWith("\tat ") && !line.startsWith("Caused by: ")
                    && !line.startsWith("Exception in thread"), "a stack trace on stderr: " + stderr);
        }
    }
}
