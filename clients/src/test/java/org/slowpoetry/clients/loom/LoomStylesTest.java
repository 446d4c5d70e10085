package org.slowpoetry.clients.loom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.clients.RecordingListener;
import org.slowpoetry.clients.ClientStyles;
import org.slowpoetry.clients.GetOptions;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.testing.LeakCheck;

/**
 * The rules every Loom style keeps, on real sockets against three slow {@code loom} servers in
 * this process: the poems arrive byte for byte, the listener hears each task in order, a server
 * that is down is one line while the others complete, and nothing is left open.
 */
@ExtendWith(LeakCheck.class)
@Timeout(20)
class LoomStylesTest {

    static Stream<String> styles() {
        return Stream.of("loom", "erlang", "haskell", "haskell-lazy");
    }

    private static final Duration DELAY = Duration.ofMillis(2);

    @BeforeAll
    static void warmUp() throws InterruptedException {
        JdkThreads.warmUp();
    }

    private final Captured out = new Captured();
    private final RecordingListener events = new RecordingListener();

    @ParameterizedTest
    @MethodSource("styles")
    void everyPoemArrivesExactlyAsServed(String style) throws Exception {
        byte[] a = Servers.poem("a", 12);
        byte[] b = Servers.poem("b", 4);
        byte[] c = Servers.poem("c", 6);
        try (var s1 = Servers.slow(a, 30, DELAY); var s2 = Servers.slow(b, 10, DELAY); var s3 = Servers.slow(c, 10, DELAY)) {
            List<TaskOutcome> outcomes = ClientStyles.find(style).fetch(
                    List.of(Servers.address(s1), Servers.address(s2), Servers.address(s3)),
                    out.run(GetOptions.defaults(), events));

            assertEquals(List.of(1, 2, 3), outcomes.stream().map(TaskOutcome::task).toList());
            assertArrayEquals(a, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(0)).poem());
            assertArrayEquals(b, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(1)).poem());
            assertArrayEquals(c, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(2)).poem());
            assertEquals(a.length + b.length + c.length, events.bytes());
        }
    }

    @ParameterizedTest
    @MethodSource("styles")
    void listenerHearsStartedThenReadsThenFinishedForEachTask(String style) throws Exception {
        try (var s1 = Servers.slow(Servers.poem("a", 3), 10, DELAY); var s2 = Servers.slow(Servers.poem("b", 2), 10, DELAY)) {
            List<Address> addresses = List.of(Servers.address(s1), Servers.address(s2));
            ClientStyles.find(style).fetch(addresses, out.run(GetOptions.defaults(), events));

            for (int task = 1; task <= 2; task++) {
                List<String> heard = events.events(task);
                assertEquals("started " + task + " " + addresses.get(task - 1), heard.getFirst());
                assertEquals("finished " + task, heard.getLast());
                int t = task;
                assertTrue(heard.size() >= 3 && heard.subList(1, heard.size() - 1).stream()
                        .allMatch(e -> e.startsWith("received " + t + " ")), heard::toString);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("styles")
    void serverThatIsDownIsOneReadableLineWhileTheOthersComplete(String style) throws Exception {
        byte[] a = Servers.poem("a", 8);
        byte[] c = Servers.poem("c", 5);
        Address down = Servers.refusingAddress();
        try (var s1 = Servers.slow(a, 10, DELAY); var s3 = Servers.slow(c, 10, DELAY)) {
            List<TaskOutcome> outcomes = ClientStyles.find(style).fetch(
                    List.of(Servers.address(s1), down, Servers.address(s3)), out.run(GetOptions.defaults(), events));

            assertArrayEquals(a, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(0)).poem());
            var failed = assertInstanceOf(TaskOutcome.Failed.class, outcomes.get(1));
            assertArrayEquals(c, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(2)).poem());
            String reason = "failed to connect to " + down + ": Connection refused";
            assertEquals(reason, failed.reason());
            assertEquals(List.of("Task 2: " + reason),
                    out.lines().stream().filter(l -> l.startsWith("Task 2: ")).toList(), out::text);
            assertTrue(out.lines().stream().noneMatch(l -> l.contains("Exception") || l.startsWith("\tat ")), out::text);
            assertEquals(List.of("started 2 " + down, "failed 2 " + reason), events.events(2));
        }
    }

    @ParameterizedTest
    @MethodSource("styles")
    void getExitsOneWithTheFailureCountedAndNothingOnStderr(String style) {
        Address down = Servers.refusingAddress();
        try (var s1 = Servers.slow(Servers.poem("a", 3), 10, DELAY)) {
            CommandLineRun run = CommandLineRun.of("get", "--style", style, String.valueOf(s1.port()), down.toString());

            assertEquals(ExitCodes.SOME_FAILED, run.exitCode(), run.err());
            assertTrue(run.outLines().contains("Task 2: failed to connect to " + down + ": Connection refused"), run.out());
            assertTrue(run.outLines().getLast().matches("Got 1 poem in \\d+:\\d\\d:\\d\\d(\\.\\d+)? \\(1 failed\\)"),
                    run.outLines().getLast());
            assertEquals("", run.err());
        }
    }
}
