package org.slowpoetry.clients.loom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slowpoetry.clients.ScriptedPoetryServer;
import org.slowpoetry.clients.RecordingListener;
import org.slowpoetry.clients.ClientStyles;
import org.slowpoetry.clients.GetOptions;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.trial.LeakCheck;

/**
 * An interrupted fetch throws {@link InterruptedException} and leaves no thread or socket behind:
 * the scope, or the process scope, that owns the downloads ends them all.
 */
@ExtendWith(LeakCheck.class)
@Timeout(20)
class LoomInterruptTest {

    @BeforeAll
    static void warmUp() throws InterruptedException {
        JdkThreads.warmUp();
    }

    @ParameterizedTest
    @ValueSource(strings = {"loom", "erlang", "erlang --retries", "haskell", "haskell-lazy"})
    void anInterruptedFetchThrowsAndEndsEveryDownload(String style) throws Exception {
        String name = style.split(" ")[0];
        GetOptions options = new GetOptions(FetchSettings.defaults(), false, false, false, false,
                style.endsWith("--retries") ? 3 : 0, OptionalLong.empty(), false, "epoll");
        CountDownLatch never = new CountDownLatch(1);
        RecordingListener events = new RecordingListener();
        try (var stuck = ScriptedPoetryServer.gated(Servers.poem("stuck", 4), 10, never);
                var alsoStuck = ScriptedPoetryServer.gated(Servers.poem("also", 4), 10, never)) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread client = Thread.ofVirtual().name("client-" + name).start(() -> {
                try {
                    ClientStyles.find(name).fetch(List.of(stuck.address(), alsoStuck.address()),
                            new Captured().run(options, events));
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> events.bytes() >= 20);

            client.interrupt();
            client.join();

            assertInstanceOf(InterruptedException.class, thrown.get(), String.valueOf(thrown.get()));
            never.countDown();
        }
    }
}
