package org.slowpoetry.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
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
import org.slowpoetry.protocol.NetstringEncoder;
import org.slowpoetry.protocol.PoemFraming;
import org.slowpoetry.time.MonotonicClock;
import org.slowpoetry.trial.LeakCheck;

/**
 * {@code get --netstrings} (Part 12, exercise 6), for every style: a poem framed as one netstring
 * arrives whole and without its frame, and one whose server closes half-way through the netstring
 * is a failure the client can tell ({@link FetchFailure.Truncated}), exit 1. No style has a line of
 * its own for this: each feeds its bytes to the shared download, which reads the frame.
 */
@ExtendWith(LeakCheck.class)
@Timeout(30)
class NetstringClientsTest {

    private static final Duration PACE = Duration.ofMillis(2);
    /** A seed with which every transform of the flaky cummingsifier succeeds. */
    private static final long LUCKY_SEED = 34;

    /** The transform server for the styles that take one; a new one for each test. */
    @AutoClose
    private final TestTransformServer xform = TestTransformServer.start();

    static Stream<ClientStyle> styles() {
        return ClientStyles.all().stream().filter(style -> !(style instanceof OptionsEchoStyle));
    }

    @ParameterizedTest
    @MethodSource("styles")
    void aFramedPoemArrivesWholeWithoutItsFrame(ClientStyle style) throws Exception {
        byte[] poem = TestPoems.poem("a", 6);
        var events = new RecordingListener();
        var out = new ByteArrayOutputStream();
        try (var server = TestServers.slow(poem, 25, PACE, PoemFraming.NETSTRING)) {
            List<TaskOutcome> outcomes = style.fetch(List.of(TestServers.address(server)), run(events, out));

            var fetched = assertInstanceOf(TaskOutcome.Fetched.class, outcomes.getFirst());
            String text = new String(fetched.poem(), StandardCharsets.US_ASCII);
            assertEquals(new String(poem, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT), text.toLowerCase(Locale.ROOT),
                    style.name() + ": the poem, not its netstring (a transforming style may lower-case it)");
            assertEquals(NetstringEncoder.encodedLength(poem.length), events.bytes(), "chunks are counted as they come");
            String printed = out.toString(StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            assertFalse(printed.contains(poem.length + ":a, line 1") || printed.contains("arrive\n,"),
                    style.name() + " printed the frame: " + printed);
        }
    }

    @ParameterizedTest
    @MethodSource("styles")
    void aNetstringCutShortIsAFailureTheClientTells(ClientStyle style) throws Exception {
        byte[] framed = NetstringEncoder.encode(TestPoems.poem("a", 6));
        int half = framed.length / 2;
        try (var server = ScriptedPoetryServer.cuttingShort(framed, half)) {
            List<TaskOutcome> outcomes = style.fetch(List.of(server.address()),
                    run(new RecordingListener(), new ByteArrayOutputStream()));

            var failed = assertInstanceOf(TaskOutcome.Failed.class, outcomes.getFirst());
            assertEquals(new FetchFailure.Truncated(server.address(), half), failed.failure());

            CommandLineRun cli = CommandLineRun.of(getArgs(style, server.address()));
            assertEquals(ExitCodes.SOME_FAILED, cli.exitCode(), cli.out() + cli.err());
            assertFalse((cli.out() + cli.err()).contains("\tat "), "no stack trace");
            assertTrue(cli.errLines().stream().anyMatch(l -> !l.startsWith("Got ") && !l.endsWith(" poems failed")),
                    "the failure is told on stderr, in our words or in the original's: " + cli.err());
        }
    }

    private ClientRun run(TaskListener listener, ByteArrayOutputStream out) {
        FetchSettings fetch = FetchSettings.defaults().withTimeout(Duration.ofSeconds(10)).withFraming(PoemFraming.NETSTRING);
        GetOptions options = new GetOptions(fetch, false, false, false, false, 0, OptionalLong.of(LUCKY_SEED), false, "epoll")
                .withTransform(Optional.of(xform.address()), GetOptions.DEFAULT_XFORM); // ignored by the other styles
        return new ClientRun(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), MonotonicClock.system(),
                options, listener);
    }

    private String[] getArgs(ClientStyle style, Address address) {
        List<String> args = new ArrayList<>(List.of("get", "--style", style.name(), "--netstrings"));
        if (style.options().contains(GetOption.SEED)) {
            args.addAll(List.of("--seed", Long.toString(LUCKY_SEED)));
        }
        if (style.takesTransformAddress()) {
            args.add(xform.address().toString());
        }
        args.add(address.toString());
        return args.toArray(String[]::new);
    }
}
