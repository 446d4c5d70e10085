package org.slowpoetry.clients.reactor;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slowpoetry.clients.ClientStyles;
import org.slowpoetry.clients.GetOptions;
import org.slowpoetry.clients.reactor.ReactorTesting.Captured;
import org.slowpoetry.trial.LeakCheck;

/**
 * An interrupted reactor fetch stops its reactor (which loses every connection and fails every
 * pending request, so no inline body is left waiting), joins its thread and throws.
 */
@ExtendWith(LeakCheck.class)
@Timeout(20)
class ReactorInterruptTest {

    @BeforeAll
    static void warmUp() {
        ReactorTesting.warmUp();
    }

    @ParameterizedTest
    @ValueSource(strings = {"reactor-raw", "reactor", "errbacks", "deferred", "cummingsify", "transform", "inline",
        "deferred-list"})
    void anInterruptedFetchThrowsAndLeavesNothingOpen(String style) throws Exception {
        Captured captured = ReactorTesting.capture(GetOptions.defaults());
        // the server sends its first 10 bytes, then waits a minute: the fetch is stuck
        try (var server = ReactorTesting.server("loom", ReactorTesting.poem("stuck", 3), 10, Duration.ofMinutes(1))) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread client = Thread.ofPlatform().name("client-" + style).start(() -> {
                try {
                    ClientStyles.find(style).fetch(List.of(ReactorTesting.address(server)), captured.run());
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> captured.events().bytes() >= 10);

            client.interrupt();
            client.join();

            assertInstanceOf(InterruptedException.class, thrown.get(), String.valueOf(thrown.get()));
        }
    }
}
