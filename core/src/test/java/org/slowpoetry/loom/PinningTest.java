package org.slowpoetry.loom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Proves the package's claims about pinning on JDK 25 with a JFR recording: the library's
 * blocking (mailbox waits, joins, sleeps, structured scopes) never pins, while a static
 * initializer that blocks still does, which also shows that the recording would catch pinning
 * if there were any.
 */
class PinningTest {

    record Ping(Pid<Object> from, int n) {
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void mailboxesProcessesAndScopesNeverPinButAStaticInitializerDoes() throws Exception {
        workload(4, 10); // warm-up: initialize every class first (see PinningRecorder)
        assertEquals(List.of(), PinningRecorder.pinnedInOurCode(() -> workload(200, 200)));
    }

    private static void workload(int processes, int rounds) throws InterruptedException {
        pingPong(processes, rounds);
        Scopes.forEachInOrder(IntStream.range(0, processes).boxed().toList(), Duration.ofSeconds(20), i -> {
            Thread.sleep(1);
            return i;
        });
    }

    /** {@code pairs} pairs of processes bounce a message {@code rounds} times each. */
    private static void pingPong(int pairs, int rounds) throws InterruptedException {
        var done = new Mailbox<Object>();
        try (var scope = ProcessScope.open("ping-pong")) {
            for (int p = 0; p < pairs; p++) {
                Pid<Object> ponger = scope.spawn("pong-" + p, self -> {
                    while (true) {
                        Ping ping = self.mailbox().receive(Ping.class);
                        ping.from().send(new Ping(self, ping.n()));
                    }
                });
                scope.spawnMonitor(done, "ping-" + p, self -> {
                    for (int n = 0; n < rounds; n++) {
                        ponger.send(new Ping(self, n));
                        int expected = n;
                        self.mailbox().receive(m -> m instanceof Ping ping && ping.n() == expected);
                    }
                });
            }
            for (int p = 0; p < pairs; p++) {
                Down down = done.receive(Down.class);
                assertEquals(ExitReason.normal(), down.reason());
            }
        }
    }
}
