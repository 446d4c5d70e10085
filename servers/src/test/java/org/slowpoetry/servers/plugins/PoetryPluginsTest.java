package org.slowpoetry.servers.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.slowpoetry.servers.plugins.Plugins.describe;
import static org.slowpoetry.servers.plugins.Plugins.parse;
import static org.slowpoetry.testing.TcpClients.fetch;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slowpoetry.servers.TestPoems;
import org.slowpoetry.servers.plugins.PoetryOptions.Served;
import org.slowpoetry.servers.service.TestRunner;
import org.slowpoetry.service.LoomMultiService;
import org.slowpoetry.service.LoomTcpServer;
import org.slowpoetry.service.ReactorMultiService;
import org.slowpoetry.service.ReactorTcpServer;
import org.slowpoetry.service.Service;
import org.slowpoetry.trial.LeakCheck;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;

/**
 * The {@code fastpoetry} and {@code slowpoetry} plugins: the text's options and ours, the tree each
 * {@code --impl} builds, and a tree that serves.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PoetryPluginsTest {

    @RegisterExtension
    final TestRunner runner = new TestRunner();

    private final FastPoetryMaker fast = new FastPoetryMaker();
    private final SlowPoetryMaker slow = new SlowPoetryMaker();

    @TempDir
    Path dir;

    @Test
    void fastpoetryTakesTheTextsOptionsWithTheTextsDefaults() {
        FastPoetryOptions options = parse(fast, "--poem", "ecstasy.txt");
        assertEquals(List.of(new Served(Path.of("ecstasy.txt"), 10_000)), options.poetry.served());
        assertEquals("localhost", options.poetry.iface());
        assertEquals(Impl.REACTOR, options.impl());
    }

    @Test
    void portsIfacesAndImplsAreTakenLongOrShort() {
        FastPoetryOptions options = parse(fast, "--poem", "a.txt", "-p", "10005", "--iface", "127.0.0.1",
                "--impl", "loom");
        assertEquals(List.of(new Served(Path.of("a.txt"), 10_005)), options.poetry.served());
        assertEquals("127.0.0.1", options.poetry.iface());
        assertEquals(Impl.LOOM, options.impl());
        assertEquals(10_006, parse(fast, "--poem", "a.txt", "--port", "10006").poetry.served().getFirst().port());
    }

    @Test
    void aSecondPoemGoesOnASecondPortGivenTogether() {
        FastPoetryOptions options = parse(fast, "--poem", "a.txt", "--poem2", "b.txt", "--port2", "10001");
        assertEquals(List.of(new Served(Path.of("a.txt"), 10_000), new Served(Path.of("b.txt"), 10_001)),
                options.poetry.served());
        FastPoetryOptions half = parse(fast, "--poem", "a.txt", "--poem2", "b.txt");
        var e = assertThrows(ParameterException.class, () -> half.poetry.served());
        assertEquals("--poem2 and --port2 go together: give both or neither", e.getMessage());
        FastPoetryOptions otherHalf = parse(fast, "--poem", "a.txt", "--port2", "10001");
        assertThrows(ParameterException.class, () -> otherHalf.poetry.served());
    }

    @Test
    void badValuesAreOneLineUsageErrorsNamingTheOption() {
        assertEquals("Invalid value for option '--port': 70000 is out of range 0–65535",
                assertThrows(ParameterException.class, () -> parse(fast, "--poem", "a", "-p", "70000")).getMessage());
        assertEquals("Invalid value for option '--port2': -1 is out of range 0–65535",
                assertThrows(ParameterException.class, () -> parse(fast, "--poem", "a", "--port2", "-1")).getMessage());
        assertEquals("Invalid value for option '--iface': 'no-such-host.invalid' is not a known host or address",
                assertThrows(ParameterException.class,
                        () -> parse(fast, "--poem", "a", "--iface", "no-such-host.invalid")).getMessage());
        assertEquals("Invalid value for option '--impl': 'erlang' is not one of reactor, loom",
                assertThrows(ParameterException.class, () -> parse(fast, "--poem", "a", "--impl", "erlang")).getMessage());
        assertEquals("Missing required option: '--poem=FILE'",
                assertThrows(MissingParameterException.class, () -> parse(fast)).getMessage());
        assertEquals("Invalid value for option '--num-bytes': 0 is less than 1",
                assertThrows(ParameterException.class, () -> parse(slow, "--poem", "a", "--num-bytes", "0")).getMessage());
    }

    @Test
    void slowpoetryAddsThePacingOfServeSlowAndTheErlangImpl() {
        SlowPoetryOptions options = parse(slow, "--poem", "a.txt");
        assertEquals(10, options.pacing.numBytes());
        assertEquals(Duration.ofMillis(100), options.pacing.delay());
        SlowPoetryOptions erlang = parse(slow, "--poem", "a.txt", "--impl", "erlang", "--num-bytes", "3", "--delay", "0.5");
        assertEquals(Impl.ERLANG, erlang.impl());
        assertEquals(3, erlang.pacing.numBytes());
        assertEquals(Duration.ofMillis(500), erlang.pacing.delay());
    }

    @Test
    void eachImplBuildsTheTextsTreeOfItsKind() throws Exception {
        assertEquals(List.of("ReactorMultiService fastpoetry", "  ReactorService poetry", "  ReactorTcpServer tcp"),
                describe(fast.makeService(parse(fast, "--poem", "a.txt"), runner)));
        assertEquals(List.of("LoomMultiService fastpoetry", "  LoomService poetry", "  LoomTcpServer tcp"),
                describe(fast.makeService(parse(fast, "--poem", "a.txt", "--impl", "loom"), runner)));
        assertEquals(List.of("LoomMultiService slowpoetry", "  LoomService poetry", "  LoomTcpServer tcp"),
                describe(slow.makeService(parse(slow, "--poem", "a.txt", "--impl", "erlang"), runner)));
        assertEquals(List.of("ReactorMultiService slowpoetry", "  ReactorService poetry", "  ReactorTcpServer tcp"),
                describe(slow.makeService(parse(slow, "--poem", "a.txt"), runner)));
    }

    @Test
    void twoPoemsAreTwoMultiServicesUnderThePlugins() throws Exception {
        Service top = fast.makeService(parse(fast, "--poem", "a.txt", "--poem2", "b.txt", "--port2", "10001",
                "--impl", "loom"), runner);
        assertEquals(List.of("LoomMultiService fastpoetry",
                "  LoomMultiService poem-1", "    LoomService poetry", "    LoomTcpServer tcp",
                "  LoomMultiService poem-2", "    LoomService poetry-2", "    LoomTcpServer tcp-2"), describe(top));
    }

    @ParameterizedTest
    @ValueSource(strings = {"reactor", "loom"})
    void aTreeFromThePluginServesBothPoems(String impl) throws Exception {
        byte[] first = TestPoems.shortPoem().bytes();
        byte[] second = TestPoems.ofSize(300).bytes();
        Path a = Files.write(dir.resolve("a.txt"), first);
        Path b = Files.write(dir.resolve("b.txt"), second);
        Service top = fast.makeService(parse(fast, "--poem", a.toString(), "-p", "0", "--iface", "127.0.0.1",
                "--poem2", b.toString(), "--port2", "0", "--impl", impl), runner);
        runner.start(top);
        try {
            assertArrayEquals(first, fetch(address(top, "poem-1", "tcp")));
            assertArrayEquals(second, fetch(address(top, "poem-2", "tcp-2")));
        } finally {
            runner.stop(top);
        }
    }

    @Test
    void theSlowErlangTreeServes() throws Exception {
        byte[] poem = TestPoems.shortPoem().bytes();
        Path a = Files.write(dir.resolve("a.txt"), poem);
        Service top = slow.makeService(parse(slow, "--poem", a.toString(), "-p", "0", "--iface", "127.0.0.1",
                "--impl", "erlang", "--delay", "0.001"), runner);
        runner.start(top);
        try {
            assertArrayEquals(poem, fetch(((LoomTcpServer) ((LoomMultiService) top).service("tcp").orElseThrow()).address()));
        } finally {
            runner.stop(top);
        }
    }

    /** Where the TCP service {@code tcp} of the multi-service {@code group} listens. */
    private static InetSocketAddress address(Service top, String group, String tcp) {
        return switch (top) {
            case LoomMultiService m -> ((LoomTcpServer) ((LoomMultiService) m.service(group).orElseThrow())
                    .service(tcp).orElseThrow()).address();
            case ReactorMultiService m -> ((ReactorTcpServer) ((ReactorMultiService) m.service(group).orElseThrow())
                    .service(tcp).orElseThrow()).address();
            default -> throw new AssertionError(top);
        };
    }
}
