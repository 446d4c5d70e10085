package org.slowpoetry.servers.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerImpls;
import org.slowpoetry.servers.ServerKind;
import org.slowpoetry.testing.TwistedPeer;

/**
 * A Twisted poetry client gets its poem through our proxies, twice (fetched, then cached): the
 * proxy speaks the text's poetry protocol downstream. Skipped, with the install hint, where
 * Debian's python3-twisted is missing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TwistedProxyInteropTest {
    private static final String POEM = "A poem that went through a proxy,\nand came out whole.\n";

    @ParameterizedTest
    @EnumSource(ProxyImpl.class)
    void aTwistedClientGetsThePoemThroughTheProxyFetchedThenCached(ProxyImpl impl) throws Exception {
        TwistedPeer.assumeAvailable();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (PoetryServer upstream = ServerImpls.find("loom", ServerKind.FAST)
                        .start(ServerConfig.fast(Poem.of("test poem", POEM.getBytes(StandardCharsets.UTF_8))));
                PoetryServer proxy = impl.start(ProxyConfig.of(new Address("127.0.0.1", upstream.port()))
                        .withEvents(ProxyEvents.printing(quiet, quiet)))) {
            for (int i = 0; i < 2; i++) {
                var run = TwistedPeer.run("twisted_poetry_client.py", "", String.valueOf(proxy.address().getPort()));

                assertEquals(0, run.exitCode(), run.err());
                assertEquals(POEM, run.out());
            }
        }
    }
}
