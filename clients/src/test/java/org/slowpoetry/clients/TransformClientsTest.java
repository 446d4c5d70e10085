package org.slowpoetry.clients;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.time.MonotonicClock;
import org.slowpoetry.trial.LeakCheck;

/**
 * The clients of the transform server (Part 13 and Part 12's exercise 5), on real sockets against a
 * transform server: client 6.0 ({@code transform}), its Loom twin ({@code transform-loom}), the
 * synchronous client ({@code transform-blocking}), and clients 7.0 and 8.0 ({@code inline},
 * {@code deferred-list}) with their Loom versions ({@code inline-loom}, {@code deferred-list-loom}). Each prints what the text's 6.0 (or 7.0) prints: the transformed poems on
 * stdout, {@code Cummingsify failed!} on stderr and the original poem for a failed transform.
 */
@ExtendWith(LeakCheck.class)
@Timeout(30)
class TransformClientsTest {
    private static final Duration PACE = Duration.ofMillis(1);

    private final byte[] a = "The First Poem\nIn Two Lines\n".getBytes(StandardCharsets.US_ASCII);
    private final byte[] b = "A SECOND POEM\n".getBytes(StandardCharsets.US_ASCII);

    @AutoClose
    private final TestTransformServer xform = TestTransformServer.start();

    static Stream<String> styles() {
        return Stream.of("transform", "transform-loom", "transform-blocking", "inline", "deferred-list", "inline-loom",
                "deferred-list-loom");
    }

    /** What one fetch printed. */
    private record Printed(List<TaskOutcome> outcomes, String out, List<String> err) {
    }

    private Printed fetch(String style, Optional<Address> server, String name, Address... poems) throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        GetOptions options = GetOptions.defaults().withTransform(server, name);
        ClientRun run = new ClientRun(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), MonotonicClock.system(), options,
                TaskListener.none());
        List<TaskOutcome> outcomes = ClientStyles.find(style).fetch(List.of(poems), run);
        return new Printed(outcomes, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8).lines().toList());
    }

    @ParameterizedTest
    @MethodSource("styles")
    void everyPoemIsTransformedByTheServerAndPrintedOnStdout(String style) throws Exception {
        try (var s1 = server(a); var s2 = server(b)) {
            Printed printed = fetch(style, Optional.of(xform.address()), "cummingsify", address(s1), address(s2));

            assertArrayEquals(lower(a), poem(printed.outcomes().get(0)));
            assertArrayEquals(lower(b), poem(printed.outcomes().get(1)));
            assertTrue(printed.out().contains(text(lower(a))) && printed.out().contains(text(lower(b))), printed.out());
            assertEquals(text(lower(a)).length() + text(lower(b)).length(), printed.out().length(),
                    "the poems, nothing else: " + printed.out());
            assertEquals(List.of(), printed.err());
            assertEquals(2L, xform.requests());
        }
    }

    @ParameterizedTest
    @MethodSource("styles")
    void xformPicksTheTransform(String style) throws Exception {
        try (var s1 = server(a)) {
            Printed printed = fetch(style, Optional.of(xform.address()), "upper", address(s1));

            assertArrayEquals(upper(a), poem(printed.outcomes().getFirst()));
            assertEquals(text(upper(a)), printed.out());
        }
    }

    @ParameterizedTest
    @MethodSource("styles")
    void aTransformTheServerDoesNotKnowPrintsCummingsifyFailedAndTheOriginalPoem(String style) throws Exception {
        try (var s1 = server(a); var s2 = server(b)) {
            Printed printed = fetch(style, Optional.of(xform.address()), TestTransformServer.FAILING,
                    address(s1), address(s2));

            assertArrayEquals(a, poem(printed.outcomes().get(0)));
            assertArrayEquals(b, poem(printed.outcomes().get(1)));
            assertEquals(List.of("Cummingsify failed!", "Cummingsify failed!"), printed.err(), "stderr, as in 6.0");
            assertTrue(printed.out().contains(text(a)) && printed.out().contains(text(b)), printed.out());
            assertEquals(text(a).length() + text(b).length(), printed.out().length(), printed.out());
        }
    }

    @ParameterizedTest
    @MethodSource("styles")
    void aTransformServerThatIsDownPrintsCummingsifyFailedAndTheOriginalPoem(String style) throws Exception {
        try (var s1 = server(a)) {
            Printed printed = fetch(style, Optional.of(TestPoems.refusingAddress()), "cummingsify", address(s1));

            assertArrayEquals(a, poem(printed.outcomes().getFirst()));
            assertEquals(List.of("Cummingsify failed!"), printed.err());
            assertEquals(text(a), printed.out());
        }
    }

    @ParameterizedTest
    @MethodSource("styles")
    void withoutATransformServerThePoemsArePrintedAsTheyCame(String style) throws Exception {
        try (var s1 = server(a)) {
            Printed printed = fetch(style, Optional.empty(), "cummingsify", address(s1));

            assertArrayEquals(a, poem(printed.outcomes().getFirst()));
            assertEquals(text(a), printed.out());
            assertEquals(List.of(), printed.err());
            assertEquals(0L, xform.requests(), "the transform step is skipped");
        }
    }

    @ParameterizedTest
    @MethodSource("styles")
    void aFailedDownloadIsOneLineOnStderrAndIsNotTransformed(String style) throws Exception {
        Address down = TestPoems.refusingAddress();
        try (var s1 = server(a)) {
            Printed printed = fetch(style, Optional.of(xform.address()), "cummingsify", down, address(s1));

            var failed = assertInstanceOf(TaskOutcome.Failed.class, printed.outcomes().getFirst());
            assertEquals(new FetchFailure.Refused(down), failed.failure());
            assertEquals(List.of("The poem download failed: " + PoetryLines.reason(failed.failure())), printed.err());
            assertEquals(text(lower(a)), printed.out());
            assertEquals(1L, xform.requests(), "only the poem that came is sent");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"transform", "transform-loom", "transform-blocking"})
    void getTakesTheTransformServerFirstAndTheXformOption(String style) throws Exception {
        try (var s1 = server(a); var s2 = server(b)) {
            CommandLineRun run = CommandLineRun.of("get", "--style", style, "--xform", "upper",
                    xform.address().toString(), address(s1).toString(), address(s2).toString());

            assertEquals(ExitCodes.OK, run.exitCode(), run.err());
            assertTrue(run.out().contains(text(upper(a))) && run.out().contains(text(upper(b))), run.out());
            assertTrue(run.errLines().getLast().startsWith("Got 2 poems in "), "our summary, on stderr: " + run.err());

            CommandLineRun skipped = CommandLineRun.of("get", "--style", style, "", address(s1).toString());
            assertEquals(ExitCodes.OK, skipped.exitCode(), skipped.err());
            assertEquals(text(a), skipped.out());
        }
    }

    @Test
    void aStyleThatTakesATransformServerNeedsItsAddressAndAPoetryServer() {
        CommandLineRun run = CommandLineRun.of("get", "--style", "transform", "10000");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals(List.of("slowpoetry get: style 'transform' takes a transform server's address first (\"\" for"
                + " none), then one or more poetry servers': XFORM_ADDR ADDR..."), run.errLines());
        assertEquals("", run.out());
    }

    @Test
    void aTransformNameWithADotIsBadInput() {
        CommandLineRun run = CommandLineRun.of("get", "--style", "transform", "--xform", "a.b", "10000", "10001");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals(List.of("slowpoetry get: bad --xform 'a.b': a transform's name is not empty and has no '.'"),
                run.errLines());
    }

    @Test
    void stylesWithoutATransformServerRejectXform() {
        CommandLineRun run = CommandLineRun.of("get", "--style", "blocking", "--xform", "upper", "10000");

        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals(List.of("slowpoetry get: --xform is not supported by style 'blocking'"), run.errLines());
    }

    private static PoetryServer server(byte[] poem) {
        return TestServers.slow(poem, 10, PACE);
    }

    private static Address address(PoetryServer server) {
        return TestServers.address(server);
    }

    private static byte[] poem(TaskOutcome outcome) {
        return assertInstanceOf(TaskOutcome.Fetched.class, outcome).poem();
    }

    /** The poem as {@code print poem} writes it: its text and a newline. */
    private static String text(byte[] poem) {
        return new String(poem, StandardCharsets.US_ASCII) + "\n";
    }

    private static byte[] lower(byte[] poem) {
        return new String(poem, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] upper(byte[] poem) {
        return new String(poem, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    }
}
