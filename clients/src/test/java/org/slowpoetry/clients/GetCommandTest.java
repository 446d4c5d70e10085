package org.slowpoetry.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.trial.LeakCheck;

/** {@code slowpoetry get}: its help, its errors (one line, exit 2), and its exit codes. */
@ExtendWith(LeakCheck.class)
class GetCommandTest {

    @Test
    void rootHelpListsGetAndDemo() {
        var run = CommandLineRun.of("--help");
        assertEquals(ExitCodes.OK, run.exitCode());
        assertTrue(run.outLines().stream().anyMatch(l -> l.strip().startsWith("get ")), run.out());
        assertTrue(run.outLines().stream().anyMatch(l -> l.strip().startsWith("demo ")), run.out());
        assertTrue(run.out().indexOf(" get ") < run.out().indexOf(" demo "), "get (20) comes before demo (30)");
    }

    @Test
    void helpListsEveryStyleWithItsDescriptionAndOptions() {
        var run = CommandLineRun.of("get", "--help");
        assertEquals(ExitCodes.OK, run.exitCode());
        String flowing = run.out().replaceAll("\\s+", " "); // the table wraps long descriptions
        for (ClientStyle style : ClientStyles.all()) {
            assertTrue(flowing.contains(" " + style.name() + " " + style.description()), style.name() + " in\n" + run.out());
        }
        // the test-only style declares every option; the help says which a style supports
        assertTrue(flowing.contains("Options: --print, --quiet, --timing, --in-order, --retries, --seed, --show-stack,"
                + " --selector, --xform."), run.out());
        assertTrue(flowing.contains("--timeout=SECONDS"), "every style takes --timeout:\n" + run.out());
        for (GetOption option : GetOption.values()) {
            assertTrue(run.out().contains(option.flag()), option.flag() + " in\n" + run.out());
        }
    }

    @Test
    void unknownStyleIsOneLineNamingTheStylesThereAre() {
        var run = CommandLineRun.of("get", "--style", "nope", "10000");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals(List.of("slowpoetry get: unknown style 'nope'; the styles are: "
                + String.join(", ", ClientStyles.names())), run.errLines());
        assertEquals("", run.out());
    }

    @Test
    void missingStyleIsOneLine() {
        var run = CommandLineRun.of("get", "10000");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("--style"), run.err());
    }

    @Test
    void optionTheStyleDoesNotDeclareIsRejectedInOneLine() {
        var run = CommandLineRun.of("get", "--style", "blocking", "--retries", "3", "10000");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals(List.of("slowpoetry get: --retries is not supported by style 'blocking'"), run.errLines());
    }

    @Test
    void badAddressIsOneLineNamingItWithExitCode2() {
        var run = CommandLineRun.of("get", "--style", "select", "10000", "localhost:99999");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals(List.of("slowpoetry get: bad address 'localhost:99999': port out of range 1–65535"),
                run.errLines());
        assertEquals("", run.out(), "nothing is fetched when an address is bad");
    }

    @Test
    void missingAddressIsOneLine() {
        var run = CommandLineRun.of("get", "--style", "select");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().contains("ADDR"), run.err());
    }

    @Test
    @Timeout(20)
    void blockingPrintsTheTextsLinesAndExitsZero() throws Exception {
        byte[] a = TestPoems.poem("a", 6);
        byte[] b = TestPoems.poem("b", 2);
        try (var s1 = TestServers.slow(a, 30, Duration.ofMillis(1));
                var s2 = TestServers.slow(b, 10, Duration.ofMillis(1))) {
            var run = CommandLineRun.of("get", "--style", "blocking", port(TestServers.address(s1)), port(TestServers.address(s2)));

            assertEquals(ExitCodes.OK, run.exitCode(), run.err());
            List<String> lines = run.outLines();
            assertEquals(5, lines.size(), run.out());
            assertEquals("Task 1: get poetry from: " + TestServers.address(s1), lines.get(0));
            assertTrue(lines.get(1).matches("Task 1: got " + a.length + " bytes of poetry from "
                    + TestServers.address(s1) + " in 0:00:\\d\\d(\\.\\d{6})?"), lines.get(1));
            assertEquals("Task 2: get poetry from: " + TestServers.address(s2), lines.get(2));
            assertTrue(lines.get(3).startsWith("Task 2: got " + b.length + " bytes of poetry from " + TestServers.address(s2)));
            assertTrue(lines.get(4).matches("Got 2 poems in 0:00:\\d\\d(\\.\\d{6})?"), lines.get(4));
        }
    }

    @Test
    @Timeout(20)
    void selectPrintsALinePerReadThenTheSizes() throws Exception {
        byte[] a = TestPoems.poem("a", 6);
        byte[] b = TestPoems.poem("b", 2);
        try (var s1 = TestServers.slow(a, 30, Duration.ofMillis(1));
                var s2 = TestServers.slow(b, 10, Duration.ofMillis(1))) {
            var run = CommandLineRun.of("get", "--style", "select", port(TestServers.address(s1)), port(TestServers.address(s2)));

            assertEquals(ExitCodes.OK, run.exitCode(), run.err());
            List<String> lines = run.outLines();
            List<String> reads = lines.subList(0, lines.size() - 3);
            assertTrue(reads.stream().allMatch(l -> l.matches("Task [12]: got \\d+ bytes? of poetry from 127\\.0\\.0\\.1:\\d+")
                    || l.matches("Task [12] finished")), run.out());
            assertEquals(2, reads.stream().filter(l -> l.endsWith(" finished")).count(), "a finished line per task");
            assertEquals(List.of("Task 1: " + a.length + " bytes of poetry", "Task 2: " + b.length + " bytes of poetry"),
                    lines.subList(lines.size() - 3, lines.size() - 1));
            assertTrue(lines.getLast().startsWith("Got 2 poems in 0:00:"), lines.getLast());
        }
    }

    @Test
    @Timeout(20)
    void refusedServerGivesExitCode1AndTheOtherPoemsStillArrive() throws Exception {
        byte[] a = TestPoems.poem("a", 3);
        Address refusing = TestPoems.refusingAddress();
        try (var s1 = TestServers.slow(a, 10, Duration.ofMillis(1))) {
            var run = CommandLineRun.of("get", "--style", "blocking", "--print", port(refusing), port(TestServers.address(s1)));

            assertEquals(ExitCodes.SOME_FAILED, run.exitCode());
            assertEquals(List.of("Task 1: failed to connect to " + refusing + ": Connection refused", "1 of 2 poems failed"),
                    run.errLines(),
                    "the original would die with a traceback on stderr; ours is one line there");
            assertTrue(run.out().contains("Got 1 poem in "), "the poems that arrived: " + run.out());
            assertTrue(run.errLines().contains("1 of 2 poems failed"), run.err());
            assertTrue(run.out().endsWith(new String(a, StandardCharsets.US_ASCII) + "\n"), "--print prints the poem last");
        }
    }

    private static String port(Address address) {
        return String.valueOf(address.port());
    }
}
