package org.slowpoetry.clients;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.time.MonotonicClock;
import org.slowpoetry.trial.LeakCheck;

/**
 * The client contract: the rules every {@code get --style} keeps, proved on real sockets against
 * every style registered with {@link ClientStyles} (the blocking and select clients, the reactor
 * clients 1.0 to 8.0, the Loom clients), so a style added later is held to them without a line
 * here. What a rule allows a style to differ in (a transforming client may lower-case the poem, or
 * reject it as gibberish) is read from what the style declares, never from its name. A style that
 * takes a transform server's address first gets a cummingsifying one.
 */
@ExtendWith(LeakCheck.class)
@Timeout(30)
class ClientContractTest {

    /** Fast enough that a test takes milliseconds, slow enough that a poem comes in many reads. */
    private static final Duration PACE = Duration.ofMillis(2);
    /** The longest any test here may wait on a silent peer. */
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

    /** The transform server for the styles that take one; a new one for each test. */
    @AutoClose
    private final TestTransformServer xform = TestTransformServer.start();

    static Stream<ClientStyle> styles() {
        return StyleChecks.styles();
    }

    /** One fetch's output, captured, with every event heard, with this test's options. */
    private final class Capture {
        private final CapturedRun captured = new CapturedRun();
        final RecordingListener events = captured.events;

        ClientRun run(Duration timeout, TaskListener also) {
            return captured.run(StyleChecks.options(FetchSettings.defaults().withTimeout(timeout), xform.address()), also);
        }

        ClientRun run() {
            return run(Duration.ofSeconds(10), TaskListener.none());
        }

        String out() {
            return captured.out();
        }

        String err() {
            return captured.err();
        }
    }

    @ParameterizedTest
    @MethodSource("styles")
    void everyPoemArrivesWholeAndInItsTask(ClientStyle style) throws Exception {
        byte[] a = TestPoems.poem("a", 12);
        byte[] b = TestPoems.poem("b", 4);
        byte[] c = TestPoems.poem("c", 5);
        Capture capture = new Capture();
        try (var s1 = TestServers.slow(a, 30, PACE); var s2 = TestServers.slow(b, 10, PACE);
                var s3 = TestServers.slow(c, 10, PACE)) {
            List<Address> addresses = addresses(s1, s2, s3);
            List<TaskOutcome> outcomes = style.fetch(addresses, capture.run());

            assertEquals(List.of(1, 2, 3), outcomes.stream().map(TaskOutcome::task).toList());
            assertEquals(addresses, outcomes.stream().map(TaskOutcome::address).toList());
            List<byte[]> served = List.of(a, b, c);
            for (int i = 0; i < 3; i++) {
                StyleChecks.assertPoemOrRejection(style, served.get(i), outcomes.get(i));
            }
            assertEquals(a.length + b.length + c.length, capture.events.bytes(), "every served byte was read");
            for (int task = 1; task <= 3; task++) {
                List<String> events = capture.events.events(task);
                assertEquals("started " + task + " " + addresses.get(task - 1), events.getFirst());
                assertTrue(events.subList(1, events.size() - 1).stream().allMatch(e -> e.startsWith("received ")),
                        events::toString);
                assertEquals(outcomes.get(task - 1) instanceof TaskOutcome.Fetched ? "finished " + task : "failed " + task,
                        events.getLast().split(" ", 3)[0] + " " + task, events::toString);
            }
            if (StyleChecks.printsPoems(style)) {
                for (TaskOutcome outcome : outcomes) {
                    if (outcome instanceof TaskOutcome.Fetched fetched) {
                        assertTrue(capture.out().contains(new String(fetched.poem(), StandardCharsets.UTF_8)),
                                style.name() + " prints the poems on stdout, as its original does");
                    }
                }
            }
            assertNoStackTrace(capture);
        }
    }

    @ParameterizedTest
    @MethodSource("styles")
    void aRefusedConnectFailsOnlyItsOwnTask(ClientStyle style) throws Exception {
        byte[] a = TestPoems.poem("a", 4);
        byte[] c = TestPoems.poem("c", 4);
        Address down = TestPoems.refusingAddress();
        Capture capture = new Capture();
        try (var s1 = TestServers.slow(a, 10, PACE); var s3 = TestServers.slow(c, 10, PACE)) {
            List<TaskOutcome> outcomes = style.fetch(List.of(TestServers.address(s1), down, TestServers.address(s3)),
                    capture.run());

            var failed = assertInstanceOf(TaskOutcome.Failed.class, outcomes.get(1));
            assertEquals(new FetchFailure.Refused(down), failed.failure());
            assertEquals(List.of("started 2 " + down, "failed 2 " + PoetryLines.reason(failed.failure())),
                    capture.events.events(2));
            StyleChecks.assertPoemOrRejection(style, a, outcomes.get(0));
            StyleChecks.assertPoemOrRejection(style, c, outcomes.get(2));
            assertNoStackTrace(capture);
        }
    }

    @ParameterizedTest
    @MethodSource("styles")
    void aConnectionResetMidPoemFailsWithTheBytesThatCame(ClientStyle style) throws Exception {
        byte[] poem = TestPoems.poem("broken", 10);
        CountDownLatch readThem = new CountDownLatch(1);
        AtomicLong got = new AtomicLong();
        TaskListener opener = new TaskListener() {
            @Override
            public void received(int task, int bytes) {
                if (got.addAndGet(bytes) >= 20) {
                    readThem.countDown();
                }
            }
        };
        Capture capture = new Capture();
        try (var server = ScriptedPoetryServer.resettingAfter(poem, 20, readThem)) {
            List<TaskOutcome> outcomes = style.fetch(List.of(server.address()), capture.run(Duration.ofSeconds(10), opener));

            var failed = assertInstanceOf(TaskOutcome.Failed.class, outcomes.getFirst());
            var lost = assertInstanceOf(FetchFailure.Lost.class, failed.failure());
            assertEquals(20, lost.received());
            assertArrayEquals(Arrays.copyOf(poem, 20), failed.partial());
            assertEquals("failed 1 " + PoetryLines.reason(lost), capture.events.events(1).getLast());
            assertNoStackTrace(capture);
        }
    }

    @ParameterizedTest
    @MethodSource("styles")
    void aServerThatClosesBeforeAByteGivesNoPoem(ClientStyle style) throws Exception {
        Capture capture = new Capture();
        try (var server = ScriptedPoetryServer.closingAtOnce()) {
            List<TaskOutcome> outcomes = style.fetch(List.of(server.address()), capture.run());

            var failed = assertInstanceOf(TaskOutcome.Failed.class, outcomes.getFirst());
            assertEquals(new FetchFailure.NoPoem(server.address()), failed.failure());
            assertNoStackTrace(capture);
        }
    }

    @ParameterizedTest
    @MethodSource("styles")
    void aSilentServerTimesOutAndTheOthersStillArrive(ClientStyle style) throws Exception {
        byte[] a = TestPoems.poem("a", 3);
        Capture capture = new Capture();
        try (var silent = ScriptedPoetryServer.silent(); var s2 = TestServers.slow(a, 10, PACE)) {
            List<TaskOutcome> outcomes = style.fetch(List.of(silent.address(), TestServers.address(s2)),
                    capture.run(SHORT_TIMEOUT, TaskListener.none()));

            var failed = assertInstanceOf(TaskOutcome.Failed.class, outcomes.getFirst());
            assertEquals(new FetchFailure.TimedOut(silent.address(), true, 0, SHORT_TIMEOUT), failed.failure());
            StyleChecks.assertPoemOrRejection(style, a, outcomes.get(1));
            // One line: ours ("Task 1: timed out after 0.3 s ..."), or the original's own where it has one
            // that does not say why ("No poem from ...", client 3.0).
            assertEquals(1, capture.err().lines().count(), "a timeout is one line on stderr: " + capture.err());
            assertNoStackTrace(capture);
        }
    }

    @ParameterizedTest
    @MethodSource("styles")
    void anAddressThatDoesNotResolveFailsItsTask(ClientStyle style) throws Exception {
        Address nowhere = new Address("nowhere.invalid", 10000);
        Capture capture = new Capture();
        List<TaskOutcome> outcomes = style.fetch(List.of(nowhere), capture.run());

        var failed = assertInstanceOf(TaskOutcome.Failed.class, outcomes.getFirst());
        assertEquals(new FetchFailure.UnknownHost(nowhere), failed.failure());
        assertNoStackTrace(capture);
    }

    @ParameterizedTest
    @MethodSource("styles")
    void stdoutHoldsWhatTheOriginalPrintsAndFailuresGoToStderr(ClientStyle style) throws Exception {
        byte[] poem = TestPoems.poem("a", 3);
        Address down = TestPoems.refusingAddress();
        try (var server = TestServers.slow(poem, 10, PACE)) {
            CommandLineRun run = CommandLineRun.of(getArgs(style, TestServers.address(server), down));

            assertEquals(ExitCodes.SOME_FAILED, run.exitCode(), run.err());
            String time = " in \\d:\\d\\d:\\d\\d(\\.\\d+)?";
            String summary = style.printsSummary() ? "Got 1 poem" + time : "Got 1 poem" + time + " \\(1 failed\\)";
            List<String> summaryStream = style.printsSummary() ? run.outLines() : run.errLines();
            List<String> otherStream = style.printsSummary() ? run.errLines() : run.outLines();
            assertTrue(summaryStream.stream().anyMatch(l -> l.matches(summary)), run.out() + run.err());
            assertTrue(otherStream.stream().noneMatch(l -> l.startsWith("Got ")), run.out() + run.err());
            if (style.printsSummary()) {
                assertTrue(run.errLines().contains("1 of 2 poems failed"), "the failures are counted on stderr");
            }
            String reason = PoetryLines.reason(new FetchFailure.Refused(down));
            assertFalse(run.out().contains(reason), "our failure line is an addition: stderr, not stdout");
            assertTrue(run.errLines().stream().anyMatch(l -> !l.matches(summary) && !l.endsWith(" poems failed"))
                    || run.outLines().contains("Failed to connect to: " + down),
                    "the failure is told: on stderr, or in the original's own stdout line");
            if (StyleChecks.printsPoems(style) && !StyleChecks.transforms(style)) {
                assertTrue(run.out().contains(new String(poem, StandardCharsets.UTF_8)), run.out());
            }
            assertFalse((run.out() + run.err()).contains("\tat "), "no stack trace");
        }
    }

    @ParameterizedTest
    @MethodSource("styles")
    void exitCodesAreZeroForAllPoemsAndTwoForBadInput(ClientStyle style) throws Exception {
        try (var server = TestServers.slow(TestPoems.poem("a", 2), 10, PACE)) {
            assertEquals(ExitCodes.OK, CommandLineRun.of(getArgs(style, TestServers.address(server))).exitCode());
        }
        CommandLineRun bad = CommandLineRun.of(getArgs(style, "x:99999"));
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertEquals(List.of("slowpoetry get: bad address 'x:99999': port out of range 1–65535"), bad.errLines());
        assertEquals("", bad.out());
    }

    private String[] getArgs(ClientStyle style, Address... addresses) {
        return getArgs(style, Stream.of(addresses).map(Address::toString).toArray(String[]::new));
    }

    private String[] getArgs(ClientStyle style, String... addresses) {
        return StyleChecks.getArgs(style, xform.address(), List.of(), List.of(addresses));
    }

    private static void assertNoStackTrace(Capture capture) {
        StyleChecks.assertNoStackTrace(capture.out() + capture.err());
    }

    private static List<Address> addresses(PoetryServer... servers) {
        return Stream.of(servers).map(TestServers::address).toList();
    }
}
