package org.slowpoetry.servers.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.slowpoetry.servers.plugins.Plugins.describe;
import static org.slowpoetry.servers.plugins.Plugins.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slowpoetry.defer.InlineCallbacks;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.fetch.PoetryClient;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.servers.TestPoems;
import org.slowpoetry.servers.plugins.PoetryOptions.Served;
import org.slowpoetry.servers.service.ServiceTrees;
import org.slowpoetry.service.ReactorMultiService;
import org.slowpoetry.service.Service;
import org.slowpoetry.trial.ReactorTest;
import org.slowpoetry.trial.Trial;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;

/**
 * The {@code fastpoetry} and {@code slowpoetry} plugins: the text's options and ours, the tree each
 * {@code --impl} builds, and a reactor tree that serves. Under {@link ReactorTest}: the test's
 * {@link Trial} is the context the trees are built with, so a reactor tree is built, started and
 * stopped on the test's reactor. The Loom trees serve in {@link PoetryPluginsLoomTest}.
 */
@ReactorTest(timeout = 30)
class PoetryPluginsTest {

    private static final FetchSettings SETTINGS = FetchSettings.defaults().withTimeout(Duration.ofSeconds(10));

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
    void eachImplBuildsTheTextsTreeOfItsKind(Trial trial) throws Exception {
        assertEquals(List.of("ReactorMultiService fastpoetry", "  ReactorService poetry", "  ReactorTcpServer tcp"),
                describe(fast.makeService(parse(fast, "--poem", "a.txt"), trial)));
        assertEquals(List.of("LoomMultiService fastpoetry", "  LoomService poetry", "  LoomTcpServer tcp"),
                describe(fast.makeService(parse(fast, "--poem", "a.txt", "--impl", "loom"), trial)));
        assertEquals(List.of("LoomMultiService slowpoetry", "  LoomService poetry", "  LoomTcpServer tcp"),
                describe(slow.makeService(parse(slow, "--poem", "a.txt", "--impl", "erlang"), trial)));
        assertEquals(List.of("ReactorMultiService slowpoetry", "  ReactorService poetry", "  ReactorTcpServer tcp"),
                describe(slow.makeService(parse(slow, "--poem", "a.txt"), trial)));
    }

    @Test
    void twoPoemsAreTwoMultiServicesUnderThePlugins(Trial trial) throws Exception {
        Service top = fast.makeService(parse(fast, "--poem", "a.txt", "--poem2", "b.txt", "--port2", "10001",
                "--impl", "loom"), trial);
        assertEquals(List.of("LoomMultiService fastpoetry",
                "  LoomMultiService poem-1", "    LoomService poetry", "    LoomTcpServer tcp",
                "  LoomMultiService poem-2", "    LoomService poetry-2", "    LoomTcpServer tcp-2"), describe(top));
    }

    @Test
    void aReactorTreeFromThePluginServesBothPoems(Reactor reactor, Trial trial) throws Exception {
        byte[] first = TestPoems.shortPoem().bytes();
        byte[] second = TestPoems.ofSize(300).bytes();
        var top = (ReactorMultiService) fast.makeService(parse(fast, poemArgs(dir, first, second, "reactor")), trial);
        ServiceTrees.start(trial, top);
        Address one = Address.of(ServiceTrees.address((ReactorMultiService) top.service("poem-1").orElseThrow(), "tcp"));
        Address two = Address.of(ServiceTrees.address((ReactorMultiService) top.service("poem-2").orElseThrow(), "tcp-2"));
        trial.waitFor(InlineCallbacks.run(reactor, ic -> {
            assertArrayEquals(first, ic.await(PoetryClient.getPoetry(reactor, one, SETTINGS)));
            assertArrayEquals(second, ic.await(PoetryClient.getPoetry(reactor, two, SETTINGS)));
            return null;
        }));
    }

    /**
     * The options of a fast poetry tree of {@code impl} serving {@code first} and {@code second},
     * written to {@code dir}, on free loopback ports.
     */
    static String[] poemArgs(Path dir, byte[] first, byte[] second, String impl) throws IOException {
        Path a = Files.write(dir.resolve("a.txt"), first);
        Path b = Files.write(dir.resolve("b.txt"), second);
        return new String[] {"--poem", a.toString(), "-p", "0", "--iface", "127.0.0.1",
                "--poem2", b.toString(), "--port2", "0", "--impl", impl};
    }
}
