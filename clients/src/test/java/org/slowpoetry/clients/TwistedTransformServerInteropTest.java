package org.slowpoetry.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.testing.TwistedPeer;

/**
 * Our transform clients (client 6.0, its Loom twin, the blocking one, 7.0 and 8.0) against a
 * transformation server written with Twisted, speaking the text's protocol: the wire is the
 * text's. Skipped, with the install hint, where Debian's python3-twisted is missing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TwistedTransformServerInteropTest {
    private static final String POEM = "Roses Are Red,\nSockets Are Blue.\n";

    static Stream<String> styles() {
        return ClientStyles.all().stream().filter(ClientStyle::takesTransformAddress)
                .filter(style -> !(style instanceof OptionsEchoStyle)).map(ClientStyle::name);
    }

    @ParameterizedTest
    @MethodSource("styles")
    void aTwistedTransformServerTransformsOurPoems(String style) throws Exception {
        TwistedPeer.assumeAvailable();
        try (var twisted = TwistedPeer.serve("twisted_transform_server.py");
                var poems = TestServers.slow(POEM.getBytes(StandardCharsets.US_ASCII), 10, Duration.ofMillis(1))) {
            CommandLineRun run = CommandLineRun.of("get", "--style", style, "--xform", "upper",
                    String.valueOf(twisted.port()), TestServers.address(poems).toString());

            assertEquals(0, run.exitCode(), run.err());
            assertEquals(POEM.toUpperCase(Locale.ROOT) + "\n", run.out(), "the poem, transformed by Twisted");
        }
    }
}
