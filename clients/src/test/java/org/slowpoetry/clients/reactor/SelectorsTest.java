package org.slowpoetry.clients.reactor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.clients.ClientStyles;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.reactor.ReactorTesting.Captured;
import org.slowpoetry.trial.LeakCheck;

/** {@code --selector epoll|poll}: the clients behave the same on both (Part 3's choice of reactor). */
@ExtendWith(LeakCheck.class)
@Timeout(20)
class SelectorsTest {

    @BeforeAll
    static void warmUp() {
        ReactorTesting.warmUp();
    }

    static Stream<Arguments> stylesOnSelectors() {
        return Stream.of("reactor-raw", "reactor", "deferred", "inline")
                .flatMap(style -> Stream.of(Arguments.of(style, "epoll"), Arguments.of(style, "poll")));
    }

    @ParameterizedTest
    @MethodSource("stylesOnSelectors")
    void theSamePoemsArriveOnEitherSelector(String style, String selector) throws Exception {
        byte[] a = ReactorTesting.poem("a", 8);
        byte[] b = ReactorTesting.poem("b", 3);
        Captured captured = ReactorTesting.capture(ReactorTesting.onSelector(selector)); // inline: no transform server
        try (var s1 = ReactorTesting.server("blocking", a, 30, Duration.ofMillis(2));
                var s2 = ReactorTesting.server("loom", b, 10, Duration.ofMillis(2))) {
            List<TaskOutcome> outcomes = ClientStyles.find(style)
                    .fetch(List.of(ReactorTesting.address(s1), ReactorTesting.address(s2)), captured.run());

            assertArrayEquals(a, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(0)).poem());
            assertArrayEquals(b, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(1)).poem());
            assertEquals(a.length + b.length, captured.events().bytes());
        }
    }
}
