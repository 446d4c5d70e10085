package org.slowpoetry.servers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.protocol.NetstringEncoder;
import org.slowpoetry.protocol.PoemFraming;
import org.slowpoetry.trial.LeakCheck;

/**
 * {@code serve slow|fast --netstrings} (Part 12, exercise 6), for every impl and kind: the bytes on
 * the wire are exactly one netstring of the poem, and a slow server paces the netstring's bytes.
 */
@ExtendWith(LeakCheck.class)
@Timeout(30)
class NetstringServingTest {

    /** Small sends, no pause: many sends, a fast test. */
    private static final int NUM_BYTES = 7;

    static Stream<Arguments> implsAndKinds() {
        return ServerImpls.all().stream()
                .flatMap(impl -> impl.kinds().stream().sorted().map(kind -> Arguments.of(impl.name(), kind)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("implsAndKinds")
    void theWireCarriesExactlyOneNetstringOfThePoem(String impl, ServerKind kind) throws Exception {
        Poem poem = TestPoems.ofSize(1000);
        var events = new RecordingServerEvents();
        ServerConfig config = ServerConfig.slow(poem).withKind(kind).withPacing(NUM_BYTES, Duration.ZERO)
                .withEvents(events).withFraming(PoemFraming.NETSTRING);

        try (PoetryServer server = ServerImpls.find(impl, kind).start(config)) {
            byte[] wire = Clients.fetch(server.address());

            assertArrayEquals(NetstringEncoder.encode(poem.bytes()), wire);
            if (kind == ServerKind.SLOW) {
                await().until(() -> events.all().stream().anyMatch(e -> e instanceof RecordingServerEvents.Finished));
                List<Integer> sends = events.all().stream()
                        .filter(e -> e instanceof RecordingServerEvents.Sent)
                        .map(e -> ((RecordingServerEvents.Sent) e).bytes())
                        .toList();
                assertEquals(wire.length, sends.stream().mapToInt(Integer::intValue).sum(), "the frame is paced too");
                assertTrue(sends.stream().allMatch(n -> n <= NUM_BYTES), sends::toString);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("implsAndKinds")
    void withoutTheOptionThePoemGoesAsItIs(String impl, ServerKind kind) throws Exception {
        Poem poem = TestPoems.shortPoem();
        ServerConfig config = ServerConfig.slow(poem).withKind(kind).withPacing(NUM_BYTES, Duration.ZERO);

        try (PoetryServer server = ServerImpls.find(impl, kind).start(config)) {
            assertArrayEquals(poem.bytes(), Clients.fetch(server.address()));
        }
    }
}
