package org.slowpoetry.servers.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slowpoetry.servers.TestPoems;

/**
 * The fault suite's signals: {@code serve slow} in a child JVM, a hundred clients in the middle of
 * their poems, then SIGTERM (what {@code kill} and service managers send; Ctrl-C's SIGINT runs the
 * same shutdown hook, see {@code ServeProcessTest}). The server ends cleanly: the exit code
 * {@code serve} documents for a signal, nothing on stderr, and every client's connection ended, none
 * left hanging (the blocking server's clients are 40: one being served, the rest in its backlog).
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SignalFaultsTest {

    /** How a stopped {@code serve} exits: clean, or the JVM's code for SIGINT or SIGTERM. */
    static final Set<Integer> STOPPED_BY_SIGNAL = Set.of(0, 128 + 2, 128 + 15);

    private static final int CLIENTS = 100;
    /** For the blocking server, which takes one at a time: the rest wait in a backlog of 50. */
    private static final int QUEUED_CLIENTS = 40;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{0}]")
    @EnumSource(PoetryImpl.class)
    void sigtermWithAHundredClientsMidPoemEndsCleanlyAndEndsEveryConnection(PoetryImpl impl) throws Exception {
        Path file = Files.write(dir.resolve("poem.bin"), TestPoems.ofSize(10_000).bytes());
        List<String> args = new ArrayList<>(List.of("serve", "slow", "--port", "0", "--num-bytes", "10", "--delay", "0.05"));
        args.addAll(impl.options());
        args.add(file.toString());
        try (ChildServer server = ChildServer.start(0, args)) {
            var address = new InetSocketAddress("127.0.0.1", server.port());
            List<Socket> clients = Peers.connect(address, impl.oneAtATime() ? QUEUED_CLIENTS : CLIENTS);
            try {
                long expected = impl.oneAtATime() ? 1 : CLIENTS;
                await().atMost(ChildServer.PATIENCE).until(() -> server.stdout().stream()
                        .filter(line -> line.startsWith("Somebody at ")).count() >= expected);
                server.signal("TERM");
                assertTrue(STOPPED_BY_SIGNAL.contains(server.awaitExit(ChildServer.PATIENCE)),
                        "exit code; stderr: " + server.stderr());
                assertEquals(List.of(), server.stderr(), "nothing on stderr");
                for (Socket client : clients) {
                    assertTrue(Peers.ended(client), "a client's connection outlived the server");
                }
            } finally {
                clients.forEach(Peers::leave);
            }
        }
    }
}
