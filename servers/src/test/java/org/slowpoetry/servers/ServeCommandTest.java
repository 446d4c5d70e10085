package org.slowpoetry.servers;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.cli.Main;
import org.slowpoetry.reactor.AcceptModel;
import org.slowpoetry.trial.LeakCheck;

/**
 * {@code slowpoetry serve} through {@link Main}'s command line: help, and every way to get the
 * options wrong. (Serving until Ctrl-C is {@link ServeProcessTest}.)
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ServeCommandTest {

    @TempDir
    Path dir;

    /** A real poem file; the placeholder {@code POEM} in arguments stands for it. */
    private Path poem;

    @BeforeEach
    void writePoem() throws IOException {
        poem = Files.writeString(dir.resolve("poem.txt"), "Roses are red,\nsockets are blue.\n");
    }

    /** Runs {@code slowpoetry ARGS}, with {@code POEM} and {@code DIR} in them standing for the test's files. */
    private CliRun run(String... args) {
        List<String> argv = new ArrayList<>();
        for (String a : args) {
            argv.add(a.replace("POEM", poem.toString()).replace("DIR", dir.toString()));
        }
        return CliRun.of(argv);
    }

    @Test
    void serveHelpNamesBothKindsAndEveryImpl() {
        CliRun run = run("serve", "--help");
        assertEquals(ExitCodes.OK, run.code());
        assertAll(
                () -> assertTrue(run.out().contains("Usage: slowpoetry serve"), run.out()),
                () -> assertTrue(run.out().contains("  slow  "), run.out()),
                () -> assertTrue(run.out().contains("  fast  "), run.out()),
                () -> assertImplsListed(run.out()),
                () -> assertEquals("", run.err()));
    }

    @Test
    void serveSlowHelpListsItsOptionsAndTheImpls() {
        CliRun run = run("serve", "slow", "--help");
        assertEquals(ExitCodes.OK, run.code());
        for (String option : List.of("POEM", "--impl", "--port", "--iface", "--num-bytes", "--delay",
                "--max-connections", "--selector", "--loops", "--write-timeout")) {
            assertTrue(run.out().contains(option), option + " missing from:\n" + run.out());
        }
        assertImplsListed(run.out());
        assertEquals("", run.err());
    }

    @Test
    void serveFastHelpHasNoPacingOptions() {
        CliRun run = run("serve", "fast", "--help");
        assertEquals(ExitCodes.OK, run.code());
        assertTrue(run.out().contains("Usage: slowpoetry serve fast"), run.out());
        assertFalse(run.out().contains("--num-bytes"), run.out());
        assertFalse(run.out().contains("--delay"), run.out());
        assertImplsListed(run.out());
    }

    @Test
    void serveTransformProxyHelpListsItsOptionsAndBothImpls() {
        CliRun run = run("serve", "transform-proxy", "--help");
        assertEquals(ExitCodes.OK, run.code());
        for (String wanted : List.of("UPSTREAM_XFORM", "NAME.POEM", "--impl", "--port", "--iface", "--upstream-timeout",
                "  reactor  ", "  loom  ")) {
            assertTrue(run.out().contains(wanted), wanted + " missing from:\n" + run.out());
        }
    }

    private static void assertImplsListed(String help) {
        assertTrue(help.contains("Impls (--impl NAME):"), help);
        for (ServerImpl impl : ServerImpls.all()) {
            assertTrue(help.contains("  " + impl.name() + "  "), impl.name() + " missing from:\n" + help);
            String firstWords = impl.description().substring(0, Math.min(30, impl.description().length()));
            assertTrue(help.contains(firstWords), impl.description() + " missing from:\n" + help);
        }
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of(List.of("serve"), "missing server kind"),
                Arguments.of(List.of("serve", "slow"), "Missing required parameter: 'POEM'"),
                Arguments.of(List.of("serve", "slow", "POEM", "extra"), "Unmatched argument"),
                Arguments.of(List.of("serve", "slow", "--port", "70000", "POEM"), "'--port': 70000 is out of range 0–65535"),
                Arguments.of(List.of("serve", "slow", "--port", "-1", "POEM"), "'--port': -1 is out of range"),
                Arguments.of(List.of("serve", "fast", "--port", "ten", "POEM"), "'--port'"),
                Arguments.of(List.of("serve", "slow", "--num-bytes", "0", "POEM"), "'--num-bytes': 0 is less than 1"),
                Arguments.of(List.of("serve", "slow", "--num-bytes", "many", "POEM"), "'--num-bytes'"),
                Arguments.of(List.of("serve", "slow", "--delay", "-0.5", "POEM"), "'--delay': '-0.5' is not a number of seconds"),
                Arguments.of(List.of("serve", "slow", "--delay", "NaN", "POEM"), "'--delay'"),
                Arguments.of(List.of("serve", "slow", "--delay", "Infinity", "POEM"), "'--delay'"),
                Arguments.of(List.of("serve", "slow", "--delay", "1e12", "POEM"), "'--delay'"),
                Arguments.of(List.of("serve", "slow", "--delay", "soon", "POEM"), "'--delay'"),
                Arguments.of(List.of("serve", "fast", "--num-bytes", "5", "POEM"), "Unknown options: '--num-bytes'"),
                Arguments.of(List.of("serve", "fast", "--max-connections", "-1", "POEM"), "'--max-connections': -1 is negative"),
                Arguments.of(List.of("serve", "slow", "--stats", "0", "POEM"), "'--stats': 0.0 is not a positive number of seconds"),
                Arguments.of(List.of("serve", "fast", "--stats", "-2", "POEM"), "'--stats': -2.0 is not a positive number of seconds"),
                Arguments.of(List.of("serve", "fast", "--stats", "NaN", "POEM"), "'--stats'"),
                Arguments.of(List.of("serve", "fast", "--selector", "kqueue", "POEM"), "'--selector': 'kqueue' is not one of epoll, poll"),
                Arguments.of(List.of("serve", "fast", "--loops", "0", "POEM"), "'--loops': 0 is not a number of loops (at least 1)"),
                Arguments.of(List.of("serve", "slow", "--loops", "-2", "POEM"), "'--loops': -2 is not a number of loops (at least 1)"),
                Arguments.of(List.of("serve", "fast", "--iface", "no-such-host.invalid", "POEM"), "'--iface': 'no-such-host.invalid' is not a known host"),
                Arguments.of(List.of("serve", "fast", "--iface", "", "POEM"), "'--iface'"),
                Arguments.of(List.of("serve", "fast", "--impl", "nope", "POEM"), "unknown impl 'nope' for serve fast; available: "),
                Arguments.of(List.of("serve", "slow", "DIR/missing.txt"), "poem 'DIR/missing.txt' not found"),
                Arguments.of(List.of("serve", "transform-proxy"), "Missing required parameter: 'UPSTREAM_XFORM'"),
                Arguments.of(List.of("serve", "transform-proxy", "localhost:x"), "bad address 'localhost:x': port 'x' is not a number"),
                Arguments.of(List.of("serve", "transform-proxy", "--impl", "blocking", "10001"), "'--impl': 'blocking' is not one of reactor, loom"),
                Arguments.of(List.of("serve", "transform-proxy", "--upstream-timeout", "0", "10001"), "'--upstream-timeout': '0.0' is not a number of seconds"),
                Arguments.of(List.of("serve", "transform-proxy", "--port", "70000", "10001"), "'--port': 70000 is out of range 0–65535"),
                Arguments.of(List.of("serve", "slow", "DIR"), "poem 'DIR' is a directory"),
                // TEST-NET-1 (RFC 5737): a valid address that is no interface of this machine.
                Arguments.of(List.of("serve", "fast", "--iface", "192.0.2.1", "POEM"),
                        "cannot listen on 192.0.2.1:0: cannot assign requested address"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsOneLineNamingItAndExitCode2(List<String> args, String expected) {
        CliRun run = run(args.toArray(String[]::new));
        String wanted = expected.replace("DIR", dir.toString());
        assertAll(
                () -> assertEquals(ExitCodes.USAGE, run.code(), run.err()),
                () -> run.assertOneErrorLine(args.size() > 1 ? "slowpoetry serve " + args.get(1) : "slowpoetry serve"),
                () -> assertTrue(run.err().contains(wanted), "expected '" + wanted + "' in: " + run.err()),
                () -> assertEquals("", run.out(), "nothing on stdout"));
    }

    @Test
    void aBadAcceptModelPropertyIsOneLineNamingTheProperty() {
        String before = System.getProperty(AcceptModel.PROPERTY);
        System.setProperty(AcceptModel.PROPERTY, "bogus");
        try {
            CliRun run = run("serve", "fast", "--impl", "reactor", "POEM");
            assertEquals(ExitCodes.USAGE, run.code(), run.err());
            run.assertOneErrorLine("slowpoetry serve fast");
            assertTrue(run.err().contains("-Dslowpoetry.reactor.accept: accept model 'bogus' is not one of [handoff, reuseport]"),
                    run.err());
            assertEquals("", run.out(), "nothing on stdout");
        } finally {
            if (before == null) {
                System.clearProperty(AcceptModel.PROPERTY);
            } else {
                System.setProperty(AcceptModel.PROPERTY, before);
            }
        }
    }

    @Test
    void aPortInUseIsOneLineNamingTheAddress() throws IOException {
        try (var taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            CliRun run = run("serve", "slow", "--port", String.valueOf(port), "POEM");
            assertEquals(ExitCodes.USAGE, run.code(), run.err());
            run.assertOneErrorLine("slowpoetry serve slow");
            assertEquals("slowpoetry serve slow: cannot listen on 127.0.0.1:" + port + ": address already in use",
                    run.err().strip());
        }
    }
}
