package org.slowpoetry.servers.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.slowpoetry.servers.plugins.Plugins.describe;
import static org.slowpoetry.servers.plugins.Plugins.parse;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.protocol.BadAddressException;
import org.slowpoetry.servers.proxy.ProxyConfig;
import org.slowpoetry.trial.ReactorTest;
import org.slowpoetry.trial.Trial;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.PicocliException;

/**
 * The {@code transform} and {@code proxy} plugins: their options, and the tree each {@code --impl}
 * builds. Under {@link ReactorTest}: the test's {@link Trial} is the context the trees are built
 * with, so a reactor tree is built on the test's reactor.
 */
@ReactorTest(timeout = 30)
class ServerPluginsTest {

    private final TransformMaker transform = new TransformMaker();
    private final ProxyMaker proxy = new ProxyMaker();

    @Test
    void transformListensOnTheTextsPortUnlessTold() {
        TransformOptions options = parse(transform);
        assertEquals(11_000, options.port());
        assertEquals("localhost", options.iface.iface());
        assertEquals(Impl.REACTOR, options.impl());
        TransformOptions told = parse(transform, "-p", "11001", "--iface", "127.0.0.1", "--impl", "loom");
        assertEquals(11_001, told.port());
        assertEquals("127.0.0.1", told.iface.iface());
        assertEquals(Impl.LOOM, told.impl());
    }

    @Test
    void transformBuildsAPortServiceForItsNetstringsInEitherKind(Trial trial) throws Exception {
        assertEquals(List.of("ReactorMultiService transform", "  ReactorTcpServer transform-netstring"),
                describe(transform.makeService(parse(transform), trial)));
        assertEquals(List.of("LoomMultiService transform", "  LoomTcpServer transform-netstring"),
                describe(transform.makeService(parse(transform, "--impl", "loom"), trial)));
    }

    @Test
    void proxyTakesItsUpstreamAsServeProxyDoes() {
        ProxyOptions options = parse(proxy, "10001");
        ProxyConfig config = options.config();
        assertEquals(new Address("127.0.0.1", 10_001), config.upstream());
        assertEquals("localhost", config.iface());
        assertEquals(10_002, config.port());
        assertEquals(ProxyConfig.DEFAULT_CACHE_TTL, config.cacheTtl());
        assertEquals(Impl.REACTOR, options.impl());
        ProxyConfig told = parse(proxy, "-p", "8000", "--cache-ttl", "30s", "--impl", "loom", "poems.example:10001").config();
        assertEquals(new Address("poems.example", 10_001), told.upstream());
        assertEquals(8000, told.port());
        assertEquals(Duration.ofSeconds(30), told.cacheTtl());
    }

    @Test
    void badValuesAreOneLineErrorsNamingTheInput() {
        assertEquals("Invalid value for option '--cache-ttl': 'soon' is not a duration (like 500ms, 30s, 2m, 2h,"
                + " or seconds as a number)",
                assertThrows(ParameterException.class, () -> parse(proxy, "--cache-ttl", "soon", "10001")).getMessage());
        // picocli wraps what the setter throws; the runner's UserErrors finds it in the causes
        var badAddress = assertThrows(PicocliException.class, () -> parse(proxy, "x:99999"));
        assertEquals("bad address 'x:99999': port out of range 1–65535",
                assertInstanceOf(BadAddressException.class, badAddress.getCause()).getMessage());
        assertEquals("Missing required parameter: 'UPSTREAM'",
                assertThrows(MissingParameterException.class, () -> parse(proxy)).getMessage());
        assertEquals("Invalid value for option '--impl': 'erlang' is not one of reactor, loom",
                assertThrows(ParameterException.class, () -> parse(transform, "--impl", "erlang")).getMessage());
        assertEquals("Invalid value for option '--port': 65536 is out of range 0–65535",
                assertThrows(ParameterException.class, () -> parse(transform, "-p", "65536")).getMessage());
    }

    @Test
    void proxyBuildsItsCacheThenItsPortInEitherKind(Trial trial) throws Exception {
        assertEquals(List.of("ReactorMultiService proxy", "  ReactorService proxy-cache", "  ReactorTcpServer proxy-tcp"),
                describe(proxy.makeService(parse(proxy, "10001"), trial)));
        assertEquals(List.of("LoomMultiService proxy", "  LoomService proxy-cache", "  LoomTcpServer proxy-tcp"),
                describe(proxy.makeService(parse(proxy, "--impl", "loom", "10001"), trial)));
    }
}
