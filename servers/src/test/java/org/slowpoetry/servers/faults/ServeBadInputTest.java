package org.slowpoetry.servers.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.servers.CliRun;
import org.slowpoetry.trial.LeakCheck;

/**
 * The fault suite's bad input, for every {@code serve} command: an unknown option, a bad port, a
 * bad number or duration, a missing argument, a busy port, and for the commands that serve a poem
 * file, every file a server cannot hold: missing, a directory, empty, {@code /dev/zero}, a pipe,
 * over the 2 GiB a server can hold, unreadable, failing to read. Each is one line on stderr naming
 * the input and the problem, exit code 2, nothing on stdout, no stack trace, nothing left open
 * ({@link LeakCheck}).
 */
@EnabledOnOs(OS.LINUX)
@ExtendWith(LeakCheck.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ServeBadInputTest {

    /** Every {@code serve} command, with the arguments it needs besides the options. */
    private static final List<List<String>> COMMANDS = List.of(
            List.of("slow", "{POEM}"),
            List.of("fast", "{POEM}"),
            List.of("transform"),
            List.of("proxy", "10000"),
            List.of("transform-proxy", "10001"));

    @TempDir
    Path dir;

    /** The port a test keeps busy, if it asked for one; closed after it. */
    private ServerSocket busy;

    /** What each placeholder stands for in this test, once made. */
    private final Map<String, String> made = new HashMap<>();

    @AfterEach
    void freeThePort() throws IOException {
        if (busy != null) {
            busy.close();
        }
    }

    static Stream<Arguments> badInput() {
        List<Arguments> cases = new ArrayList<>();
        for (List<String> command : COMMANDS) {
            String name = command.getFirst();
            List<String> rest = command.subList(1, command.size());
            cases.add(bad(name + ": an unknown option", command, rest, List.of("--no-such-option"),
                    "Unknown option: '--no-such-option'"));
            cases.add(bad(name + ": a port out of range", command, rest, List.of("--port", "65536"),
                    "'--port': 65536 is out of range 0–65535"));
            cases.add(bad(name + ": a port that is no number", command, rest, List.of("--port", "http"),
                    "'--port'"));
            cases.add(bad(name + ": a write timeout of 0", command, rest, List.of("--write-timeout", "0"),
                    "'--write-timeout': '0.0' is not a number of seconds above 0"));
            cases.add(bad(name + ": a write timeout that is no number", command, rest,
                    List.of("--write-timeout", "soon"), "'--write-timeout'"));
            cases.add(bad(name + ": a busy port", command, rest, List.of("--port", "{BUSY}"),
                    "cannot listen on 127.0.0.1:{BUSY}: address already in use"));
        }
        for (String name : List.of("slow", "fast")) {
            cases.add(Arguments.of(name + ": no poem", List.of("serve", name), "Missing required parameter: 'POEM'"));
            for (var file : List.of(
                    List.of("a poem that is not there", "{DIR}/missing.txt", "poem '{DIR}/missing.txt' not found"),
                    List.of("a directory as the poem", "{DIR}", "poem '{DIR}' is a directory, not a file"),
                    List.of("an empty poem", "{EMPTY}", "poem '{EMPTY}' is empty"),
                    List.of("/dev/zero as the poem", "/dev/zero", "poem '/dev/zero' is not a regular file"),
                    List.of("a pipe as the poem", "{FIFO}", "poem '{FIFO}' is not a regular file"),
                    List.of("a poem over 2 GiB", "{BIG}", "poem '{BIG}' is too large: 2147483649 bytes, and a server"
                            + " holds at most 2147483639"),
                    List.of("an unreadable poem", "{UNREADABLE}", "poem '{UNREADABLE}' cannot be read: permission denied"),
                    List.of("a poem the system fails to read", "/proc/self/mem",
                            "poem '/proc/self/mem' cannot be read: Input/output error"))) {
                cases.add(Arguments.of(name + ": " + file.get(0), List.of("serve", name, file.get(1)), file.get(2)));
            }
        }
        cases.add(Arguments.of("slow: a negative delay", List.of("serve", "slow", "--delay", "-1", "{POEM}"),
                "'--delay': '-1.0' is not a number of seconds"));
        cases.add(Arguments.of("transform: a request limit of 0", List.of("serve", "transform", "--max-request", "0"),
                "'--max-request': 0 is less than 1"));
        cases.add(Arguments.of("transform: a request timeout of 0",
                List.of("serve", "transform", "--request-timeout", "0"), "'--request-timeout'"));
        cases.add(Arguments.of("proxy: no upstream", List.of("serve", "proxy"), "Missing required parameter: 'UPSTREAM'"));
        cases.add(Arguments.of("proxy: an upstream that is no address", List.of("serve", "proxy", "localhost:x"),
                "bad address 'localhost:x': port 'x' is not a number"));
        cases.add(Arguments.of("proxy: a cache ttl that is no duration",
                List.of("serve", "proxy", "--cache-ttl", "forever", "10000"), "'--cache-ttl'"));
        cases.add(Arguments.of("transform-proxy: no upstream", List.of("serve", "transform-proxy"),
                "Missing required parameter: 'UPSTREAM_XFORM'"));
        return cases.stream();
    }

    private static Arguments bad(String fault, List<String> command, List<String> rest, List<String> options,
            String expected) {
        List<String> args = new ArrayList<>(List.of("serve", command.getFirst()));
        args.addAll(options);
        args.addAll(rest);
        return Arguments.of(fault, args, expected);
    }

    @ParameterizedTest(name = "[{0}]")
    @MethodSource("badInput")
    void badInputIsOneLineNamingItExitCode2AndNoTrace(String fault, List<String> args, String expected)
            throws IOException {
        List<String> argv = new ArrayList<>();
        for (String arg : args) {
            argv.add(resolve(arg));
        }
        CliRun run = CliRun.of(argv);
        String wanted = resolve(expected);
        assertAll(
                () -> assertEquals(ExitCodes.USAGE, run.code(), run.err()),
                () -> run.assertOneErrorLine("slowpoetry serve " + args.get(1)),
                () -> assertTrue(run.err().contains(wanted), "expected '" + wanted + "' in: " + run.err()),
                () -> assertEquals("", run.out(), "nothing on stdout"));
    }

    /** The test's files and port for the placeholders ({@code {POEM}}, {@code {BUSY}}...) in {@code text}. */
    private String resolve(String text) throws IOException {
        String resolved = text.replace("{DIR}", dir.toString());
        for (String token : List.of("POEM", "EMPTY", "BIG", "FIFO", "UNREADABLE", "BUSY")) {
            String placeholder = "{" + token + "}";
            if (resolved.contains(placeholder)) {
                resolved = resolved.replace(placeholder, made(token));
            }
        }
        return resolved;
    }

    /** What {@code token} stands for, made on first use: a file's path, or the busy port. */
    private String made(String token) throws IOException {
        String known = made.get(token);
        if (known != null) {
            return known;
        }
        String value = switch (token) {
            case "POEM" -> Files.writeString(dir.resolve("poem.txt"), "A poem.\n").toString();
            case "EMPTY" -> Files.createFile(dir.resolve("empty.txt")).toString();
            case "BIG" -> {
                Path big = dir.resolve("big.txt");
                try (var file = new RandomAccessFile(big.toFile(), "rw")) {
                    file.setLength((1L << 31) + 1); // 2 GiB and a byte, sparse: no disk is used
                }
                yield big.toString();
            }
            case "FIFO" -> fifo().toString();
            case "UNREADABLE" -> {
                Path file = Files.writeString(dir.resolve("secret.txt"), "A poem.\n");
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
                assumeFalse(Files.isReadable(file), "this user reads every file (root): nothing is unreadable");
                yield file.toString();
            }
            case "BUSY" -> {
                busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                yield Integer.toString(busy.getLocalPort());
            }
            default -> throw new IllegalArgumentException("no placeholder " + token);
        };
        made.put(token, value);
        return value;
    }

    private Path fifo() throws IOException {
        Path fifo = dir.resolve("poem.fifo");
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
            assertEquals(0, mkfifo.waitFor(), "mkfifo");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted making a fifo", e);
        }
        return fifo;
    }
}
