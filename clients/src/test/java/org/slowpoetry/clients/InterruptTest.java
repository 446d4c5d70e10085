package org.slowpoetry.clients;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slowpoetry.time.MonotonicClock;
import org.slowpoetry.trial.Leaks;

/** An interrupted fetch throws InterruptedException at once and leaves nothing open. */
@Timeout(20)
class InterruptTest {

    /**
     * What this test leaked, leaving out the JDK's virtual-thread I/O pollers: the first virtual
     * thread to park on a socket on a given carrier creates a "SubPoller" (and the first of all a
     * "MasterPoller"), each with an epoll fd, kept for good. {@link Leaks} does not know them yet
     * (see the report), so this test cannot use LeakCheck. A leaked Selector still shows: it has an
     * eventfd as well, and its sockets.
     */
    private static java.util.List<String> leaksSince(Leaks.Snapshot before) {
        return Leaks.leaksSince(before).stream()
                .filter(l -> !(l.matches(".*'(Master|Sub)Poller(-\\d+)?'.*") || l.endsWith("anon_inode:[eventpoll]")))
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"blocking", "select"})
    void interruptedFetchOnAVirtualThreadThrowsAndClosesEverything(String style) throws Exception {
        Leaks.Snapshot before = Leaks.snapshot();
        // the server sends its first 10 bytes, then waits a minute: the client is stuck in a read
        try (var server = TestServers.slow(TestPoems.poem("stuck", 3), 10, Duration.ofMinutes(1))) {
            RecordingListener listener = new RecordingListener();
            PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
            ClientRun run = new ClientRun(nowhere, nowhere, MonotonicClock.system(), GetOptions.defaults(), listener);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread client = Thread.ofVirtual().name("client-" + style).start(() -> {
                try {
                    ClientStyles.find(style).fetch(List.of(TestServers.address(server)), run);
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> listener.bytes() >= 10);

            client.interrupt();
            client.join();

            assertInstanceOf(InterruptedException.class, thrown.get(), String.valueOf(thrown.get()));
        }
        await().atMost(Leaks.DEFAULT_WAIT).untilAsserted(
                () -> org.junit.jupiter.api.Assertions.assertEquals(List.of(), leaksSince(before)));
    }
}
