package org.slowpoetry.clients.reactor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyles;
import org.slowpoetry.clients.GetOptions;
import org.slowpoetry.clients.TaskListener;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.reactor.ReactorTesting.Captured;
import org.slowpoetry.clients.reactor.ReactorTesting.Cli;
import org.slowpoetry.testing.LeakCheck;
import org.slowpoetry.protocol.Address;

/** The rules every reactor client keeps, on real slow servers and real sockets, each leak-checked. */
@ExtendWith(LeakCheck.class)
@Timeout(20)
class ReactorStyleContractTest {
    private static final Duration PACE = Duration.ofMillis(2);

    @BeforeAll
    static void warmUp() {
        ReactorTesting.warmUp();
    }

    static Stream<String> allStyles() {
        return ReactorTesting.STYLES.stream();
    }

    static Stream<String> untransformedStyles() {
        return ReactorTesting.UNTRANSFORMED.stream();
    }

    /** Each style's line for a server that is down, {@code %s} standing for its address. */
    static Stream<Arguments> downServerLines() {
        return Stream.of(
                Arguments.of("reactor-raw", "Task 2: failed to connect to %s: Connection refused"),
                Arguments.of("reactor-broken", "Task 2: failed to connect to %s: Connection refused"),
                Arguments.of("reactor", "Failed to connect to: %s"),
                Arguments.of("reactor-simple", "Failed to connect to: %s"),
                Arguments.of("callbacks", "No poem from %s (the callback was given null; client 3.0 cannot tell why)"),
                Arguments.of("errbacks", "Poem failed: [Failure instance: java.net.ConnectException: Connection refused] (%s)"),
                Arguments.of("deferred", "Poem failed: [Failure instance: java.net.ConnectException: Connection refused] (%s)"),
                Arguments.of("cummingsify", "The poem download failed."),
                Arguments.of("cummingsify-5.1", "The poem download failed."),
                Arguments.of("inline", "The poem download failed: Connection refused (%s)"),
                Arguments.of("deferred-list", "The poem download failed: Connection refused (%s)"));
    }

    @ParameterizedTest
    @MethodSource("untransformedStyles")
    void everyPoemArrivesExactlyAsServed(String style) throws Exception {
        byte[] a = ReactorTesting.poem("a", 12);
        byte[] b = ReactorTesting.poem("b", 4);
        byte[] c = ReactorTesting.poem("c", 6);
        Captured captured = ReactorTesting.capture(GetOptions.defaults());
        try (var s1 = ReactorTesting.server("blocking", a, 30, PACE);
                var s2 = ReactorTesting.server("loom", b, 10, PACE);
                var s3 = ReactorTesting.server("blocking", c, 10, PACE)) {
            List<TaskOutcome> outcomes = ClientStyles.find(style).fetch(List.of(
                    ReactorTesting.address(s1), ReactorTesting.address(s2), ReactorTesting.address(s3)), captured.run());

            assertEquals(List.of(1, 2, 3), outcomes.stream().map(TaskOutcome::task).toList());
            assertArrayEquals(a, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(0)).poem());
            assertArrayEquals(b, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(1)).poem());
            assertArrayEquals(c, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(2)).poem());
            assertEquals(a.length + b.length + c.length, captured.events().bytes());
        }
    }

    @ParameterizedTest
    @MethodSource("allStyles")
    void theListenerHearsStartedThenReadsThenTheEndOfEachTask(String style) throws Exception {
        byte[] a = ReactorTesting.poem("a", 5);
        byte[] b = ReactorTesting.poem("b", 3);
        Captured captured = ReactorTesting.capture(GetOptions.defaults());
        try (var s1 = ReactorTesting.server("loom", a, 10, PACE);
                var s2 = ReactorTesting.server("blocking", b, 10, PACE)) {
            List<Address> addresses = List.of(ReactorTesting.address(s1), ReactorTesting.address(s2));
            ClientStyles.find(style).fetch(addresses, captured.run());

            for (int t = 1; t <= 2; t++) {
                int task = t;
                List<String> events = captured.events().events(task);
                assertEquals("started " + task + " " + addresses.get(task - 1), events.getFirst());
                assertTrue(events.getLast().equals("finished " + task) || events.getLast().startsWith("failed " + task),
                        events::toString);
                List<String> middle = events.subList(1, events.size() - 1);
                assertTrue(!middle.isEmpty() && middle.stream().allMatch(e -> e.startsWith("received " + task + " ")),
                        events::toString);
            }
            assertEquals(a.length + b.length, captured.events().bytes(), "every served byte was read");
        }
    }

    @ParameterizedTest
    @MethodSource("downServerLines")
    void aServerThatIsDownGetsItsLineWhileTheOtherPoemsArrive(String style, String line) throws Exception {
        byte[] a = ReactorTesting.poem("a", 4);
        byte[] c = ReactorTesting.poem("c", 4);
        Address down = ReactorTesting.refusingAddress();
        Captured captured = ReactorTesting.capture(GetOptions.defaults());
        try (var s1 = ReactorTesting.server("blocking", a, 10, PACE);
                var s3 = ReactorTesting.server("loom", c, 10, PACE)) {
            List<TaskOutcome> outcomes = ClientStyles.find(style).fetch(
                    List.of(ReactorTesting.address(s1), down, ReactorTesting.address(s3)), captured.run());

            var failed = assertInstanceOf(TaskOutcome.Failed.class, outcomes.get(1));
            assertEquals("failed to connect to " + down + ": Connection refused", failed.reason());
            assertTrue(captured.lines().contains(line.formatted(down)), captured.lines()::toString);
            assertTrue(captured.lines().stream().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception:")
                    && !l.startsWith("Poem failed: [Failure instance: ")), captured.lines()::toString);
            assertEquals(List.of("started 2 " + down, "failed 2 " + failed.reason()), captured.events().events(2));
            for (int i : new int[] {0, 2}) {
                byte[] served = i == 0 ? a : c;
                switch (outcomes.get(i)) {
                    case TaskOutcome.Fetched fetched -> assertTrue(Arrays.equals(served, fetched.poem())
                            || Arrays.equals(lower(served), fetched.poem()), style + " changed the poem");
                    case TaskOutcome.Failed other -> assertTrue(ReactorTesting.TRANSFORMING.contains(style)
                            && other.reason().endsWith("failed: the input is not a genuine poem"), other.reason());
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("allStyles")
    void getExitsOneWhenAServerIsDownAndStillReportsTheOthers(String style) throws Exception {
        Address down = ReactorTesting.refusingAddress();
        try (var s1 = ReactorTesting.server("loom", ReactorTesting.poem("a", 3), 10, PACE)) {
            List<String> args = new ArrayList<>(List.of("get", "--style", style));
            if (ReactorTesting.TRANSFORMING.contains(style)) {
                args.addAll(List.of("--seed", "34")); // a seed with which every transform succeeds
            }
            args.addAll(List.of(ReactorTesting.address(s1).toString(), down.toString()));
            Cli run = Cli.run(args.toArray(String[]::new));

            assertEquals(ExitCodes.SOME_FAILED, run.exitCode(), run.err());
            assertTrue(run.outLines().getLast().matches("Got 1 poem in \\d:\\d\\d:\\d\\d(\\.\\d+)? \\(1 failed\\)"),
                    run.out());
            assertEquals("", run.err());
        }
    }

    @ParameterizedTest
    @MethodSource("allStyles")
    void aConnectionResetHalfWayFailsTheTaskWithTheBytesThatCame(String style) throws Exception {
        byte[] poem = ReactorTesting.poem("broken", 10);
        CountDownLatch readThem = new CountDownLatch(1);
        AtomicLong got = new AtomicLong();
        Captured captured = ReactorTesting.capture(GetOptions.defaults());
        ClientRun run = captured.run().withListener(captured.events().andThen(new TaskListener() {
            @Override
            public void received(int task, int bytes) {
                if (got.addAndGet(bytes) >= 20) {
                    readThem.countDown();
                }
            }
        }));
        try (var server = new ResettingServer(poem, 20, readThem)) {
            List<TaskOutcome> outcomes = ClientStyles.find(style).fetch(List.of(server.address()), run);

            var failed = assertInstanceOf(TaskOutcome.Failed.class, outcomes.getFirst());
            assertEquals("lost connection to " + server.address() + " after 20 bytes: Connection reset", failed.reason());
            assertArrayEquals(Arrays.copyOf(poem, 20), failed.partial());
            assertEquals("failed 1 " + failed.reason(), captured.events().events(1).getLast());
        }
    }

    private static byte[] lower(byte[] poem) {
        return new String(poem, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    }
}
