package org.slowpoetry.servers.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slowpoetry.testing.TwistedPeer;
import org.slowpoetry.transform.TransformService;

/**
 * Our transformation servers answer a Twisted client speaking the text's protocol (a netstring
 * {@code NAME.POEM}, a netstring reply): the wire is the text's. Skipped, with the install hint,
 * where Debian's python3-twisted is missing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TwistedTransformInteropTest {
    private static final String POEM = "Roses Are Red,\nSockets Are Blue.\nA Dot. Or Two.\n";

    @ParameterizedTest
    @EnumSource(TransformImpl.class)
    void aTwistedClientGetsThePoemTransformed(TransformImpl impl) throws Exception {
        TwistedPeer.assumeAvailable();
        try (TransformServer server = impl.start(TransformServerConfig.of(TransformService.standard()))) {
            var run = TwistedPeer.run("twisted_transform_client.py", POEM,
                    String.valueOf(server.address().getPort()), "cummingsify");

            assertEquals(0, run.exitCode(), run.err());
            assertEquals(POEM.toLowerCase(Locale.ROOT), run.out());
        }
    }

    @ParameterizedTest
    @EnumSource(TransformImpl.class)
    void aTwistedClientAskingForAnUnknownTransformGetsNoReply(TransformImpl impl) throws Exception {
        TwistedPeer.assumeAvailable();
        try (TransformServer server = impl.start(TransformServerConfig.of(TransformService.standard()))) {
            var run = TwistedPeer.run("twisted_transform_client.py", POEM,
                    String.valueOf(server.address().getPort()), "no-such-transform");

            assertEquals(1, run.exitCode(), run.out());
            assertEquals("no reply\n", run.err());
        }
    }
}
