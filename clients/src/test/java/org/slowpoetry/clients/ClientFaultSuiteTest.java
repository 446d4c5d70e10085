package org.slowpoetry.clients;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.cli.CheckedOutput;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.trial.LeakCheck;

/**
 * The client half of issue 14's fault suite: every style ({@link StyleChecks#styles()}) against the
 * servers a broken or hostile peer can be, and against a stdout that fails. A case's name is the
 * rule it proves, with the style in brackets ({@code anEndlessServerIsCutAtMaxPoem[erlang]}); the
 * faults {@link ClientContractTest} covers for every style (a refused connect, a reset mid-poem, a
 * silent server, one that closes at once) complete the suite. Every case checks that nothing leaked
 * ({@link LeakCheck}: sockets, descriptors, threads) and that the poems that should arrive arrive
 * byte for byte (cummingsified, for the styles that transform them).
 */
@ExtendWith(LeakCheck.class)
@Timeout(30)
@DisplayNameGeneration(RuleNames.class)
class ClientFaultSuiteTest {

    /** {@code anEndlessServerIsCutAtMaxPoem[erlang]}. */
    private static final String CASE = RuleNames.CASE;
    /** Fast enough that a poem takes milliseconds, slow enough that it comes in many reads. */
    private static final Duration PACE = Duration.ofMillis(2);
    /** The poem limit in the endless server's case: small, so the case is quick. */
    private static final int SMALL_LIMIT = 64 * 1024;

    /** The transform server for the styles that take one; a new one for each case. */
    @AutoClose
    private final TestTransformServer xform = TestTransformServer.start();

    /** Every style, named for {@link #CASE}. */
    static Stream<Named<ClientStyle>> styles() {
        return StyleChecks.styles().map(style -> Named.of(style.name(), style));
    }

    @ParameterizedTest(name = CASE)
    @MethodSource("styles")
    void anEndlessServerIsCutAtMaxPoemAndTheOtherPoemStillArrives(ClientStyle style) throws Exception {
        byte[] poem = TestPoems.poem("fine", 4);
        CapturedRun capture = new CapturedRun();
        try (var endless = ScriptedPoetryServer.endless("la la la, and on and on\n".getBytes(StandardCharsets.US_ASCII));
                var fine = TestServers.slow(poem, 10, PACE)) {
            var logged = new ByteArrayOutputStream();
            List<TaskOutcome> outcomes = logging(logged, () -> style.fetch(
                    List.of(endless.address(), TestServers.address(fine)),
                    capture.run(options(FetchSettings.defaults().withMaxPoemBytes(SMALL_LIMIT)), TaskListener.none())));

            var failed = assertInstanceOf(TaskOutcome.Failed.class, outcomes.getFirst());
            var tooLong = assertInstanceOf(FetchFailure.TooLong.class, failed.failure());
            assertEquals(endless.address(), tooLong.address());
            assertEquals(SMALL_LIMIT, tooLong.limit());
            assertTrue(tooLong.received() <= SMALL_LIMIT, "never more than the limit is kept: " + tooLong);
            StyleChecks.assertPoemOrRejection(style, poem, outcomes.get(1));
            assertOneLineForTheFailure(style, capture, tooLong);
            assertFalse(logged.toString(StandardCharsets.UTF_8).contains(" ERROR "),
                    "a poem past the limit is an outcome, not an error to log: " + logged);
        }
    }

    @ParameterizedTest(name = CASE)
    @MethodSource("styles")
    void aTricklingServerFinishesWholeWhileEachByteComesWithinTheTimeout(ClientStyle style) throws Exception {
        // A byte every 3 ms: the poem takes longer than the timeout, but no silence comes near it.
        byte[] poem = TestPoems.poem("trickle", 4);
        Duration timeout = Duration.ofMillis(400);
        CapturedRun capture = new CapturedRun();
        try (var trickle = TestServers.slow(poem, 1, Duration.ofMillis(3))) {
            List<TaskOutcome> outcomes = style.fetch(List.of(TestServers.address(trickle)),
                    capture.run(options(FetchSettings.defaults().withTimeout(timeout)), TaskListener.none()));

            StyleChecks.assertPoemOrRejection(style, poem, outcomes.getFirst());
            assertTrue(outcomes.getFirst().elapsed().compareTo(timeout) > 0,
                    "the poem took longer than the timeout, which bounds each silence, not the poem: "
                            + outcomes.getFirst().elapsed());
            assertEquals(poem.length, capture.events.bytes(), "every byte was read, one or a few at a time");
            StyleChecks.assertNoStackTrace(capture.out() + capture.err());
        }
    }

    @ParameterizedTest(name = CASE)
    @MethodSource("styles")
    void aServerThatFallsSilentMidPoemIsCutByTheTimeoutWithTheBytesThatCame(ClientStyle style) throws Exception {
        byte[] poem = TestPoems.poem("stalled", 4);
        Duration timeout = Duration.ofMillis(300);
        CountDownLatch never = new CountDownLatch(1);
        CapturedRun capture = new CapturedRun();
        try (var stalled = ScriptedPoetryServer.gated(poem, 20, never)) {
            List<TaskOutcome> outcomes = style.fetch(List.of(stalled.address()),
                    capture.run(options(FetchSettings.defaults().withTimeout(timeout)), TaskListener.none()));

            var failed = assertInstanceOf(TaskOutcome.Failed.class, outcomes.getFirst());
            var timedOut = new FetchFailure.TimedOut(stalled.address(), true, 20, timeout);
            assertEquals(timedOut, failed.failure());
            assertArrayEquals(Arrays.copyOf(poem, 20), failed.partial());
            assertOneLineForTheFailure(style, capture, timedOut);
        }
    }

    @ParameterizedTest(name = CASE)
    @MethodSource("styles")
    void aClosedStdoutEndsGetQuietlyWithTheExitCodeOfSigpipe(ClientStyle style) throws Exception {
        try (var server = TestServers.slow(TestPoems.poem("unread", 4), 10, PACE)) {
            CommandLineRun run = getPrintingTo(FailingStdout.failingWith(FailingStdout.CLOSED_PIPE), style, TestServers.address(server));

            assertEquals(ExitCodes.OUTPUT_CLOSED, run.exitCode(), run.err());
            assertEquals("", run.err(), "nothing about the reader that went, nor about the poems left");
        }
    }

    @ParameterizedTest(name = CASE)
    @MethodSource("styles")
    void aStdoutThatCannotBeWrittenIsOneLineOnStderrAndExitSeventyFour(ClientStyle style) throws Exception {
        try (var server = TestServers.slow(TestPoems.poem("unwritten", 4), 10, PACE)) {
            CommandLineRun run = getPrintingTo(FailingStdout.failingWith(FailingStdout.FULL_DISK), style,
                    TestServers.address(server));

            assertEquals(ExitCodes.OUTPUT_FAILED, run.exitCode(), run.err());
            assertEquals(List.of("slowpoetry get: cannot write to stdout: No space left on device"), run.errLines());
        }
    }

    /**
     * A reader that goes ({@code get ... | head -1}) stops the fetch at once, for every style that
     * prints as it fetches: a poem that would never end (a server trickling 18 MB) is broken off,
     * and {@code get} ends quietly. Run on a thread of its own, so that a style that does not stop
     * fails the case instead of holding up the suite.
     */
    @ParameterizedTest(name = CASE)
    @MethodSource("stylesThatPrintAsTheyFetch")
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aReaderThatGoesStopsAFetchThatWouldNotEnd(ClientStyle style) throws Exception {
        byte[] endless = TestPoems.poem("on and on", 400_000); // 18 MB: hours at this pace, and past any --max-poem
        try (var trickle = TestServers.slow(endless, 10, PACE);
                var fine = TestServers.slow(TestPoems.poem("fine", 2), 10, PACE)) {
            CommandLineRun run = getPrintingTo(FailingStdout.failingWith(FailingStdout.CLOSED_PIPE), style, TestServers.address(fine),
                    TestServers.address(trickle));

            assertEquals(ExitCodes.OUTPUT_CLOSED, run.exitCode(), run.err());
            assertEquals("", run.err());
        }
    }

    /**
     * Every style but those that cannot hear their reader go before the poems end: the originals
     * that print nothing until every poem is in (clients 2.1, 3.0, 3.1 and 4.0, and the Loom
     * versions of 3.0 to 4.0), and client 1.0's broken version, whose {@code doRead} holds the
     * reactor for a whole poem (Part 4's lesson). {@code --max-poem} and {@code --timeout} bound
     * those.
     */
    static Stream<Named<ClientStyle>> stylesThatPrintAsTheyFetch() {
        Set<String> deaf = Set.of("reactor-simple", "callbacks", "callbacks-loom", "errbacks", "errbacks-loom",
                "deferred", "deferred-loom", "reactor-broken");
        return styles().filter(style -> !deaf.contains(style.getPayload().name()));
    }

    /**
     * {@code body}'s result, with what the logging backend wrote meanwhile in {@code log}: it writes
     * to {@code System.err}, a line per record ({@code 12:00:00.000 ERROR [thread] Class: message}).
     */
    private static <T> T logging(ByteArrayOutputStream log, Callable<T> body) throws Exception {
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            return body.call();
        } finally {
            System.setErr(stderr);
        }
    }

    private GetOptions options(FetchSettings fetch) {
        return StyleChecks.options(fetch, xform.address());
    }

    private CommandLineRun getPrintingTo(CheckedOutput stdout, ClientStyle style, Address... addresses) {
        return CommandLineRun.printingTo(stdout, StyleChecks.getArgs(style, xform.address(), List.of(),
                        Stream.of(addresses).map(Address::toString).toList()));
    }

    /**
     * The failure is told in one line on stderr that names the server and says why (the limit, the
     * timeout), with no stack trace; but client 3.0, whose callback is given null, names the server
     * and says that it cannot tell why, as in the text.
     */
    private static void assertOneLineForTheFailure(ClientStyle style, CapturedRun capture, FetchFailure failure) {
        StyleChecks.assertNoStackTrace(capture.out() + capture.err());
        List<String> lines = capture.err().lines().toList();
        assertEquals(1, lines.size(), style.name() + ": " + capture.err());
        assertTrue(lines.getFirst().contains(PoetryLines.reason(failure))
                || lines.getFirst().equals(PoetryLines.noPoemLine(failure.address())), lines.getFirst());
    }
}
