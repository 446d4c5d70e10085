package org.slowpoetry.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.time.ManualClock;

/**
 * A burst of due timers runs in slices with I/O between them, so a connection that arrives
 * meanwhile is accepted before the burst ends; and the slices keep the timers' order.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class AcceptBeforeTimersTest {
    private static final int BURST = 8 * Reactor.MAX_TIMERS_PER_ITERATION;

    @Test
    void aConnectionArrivingDuringABurstOfDueTimersIsAcceptedBeforeTheBurstEnds() throws IOException {
        var clock = new ManualClock();
        var ran = new int[1];
        var acceptedAfter = new int[] {-1};
        var client = new Socket[1];
        try (Reactor reactor = Reactor.open(SelectorKind.EPOLL, clock)) {
            ListeningPort port = reactor.listenTCP(0, address -> {
                acceptedAfter[0] = ran[0];
                stopWhenBothDone(reactor, ran[0], acceptedAfter[0]);
                return new Protocol() { };
            }, "127.0.0.1");
            for (int i = 0; i < BURST; i++) {
                reactor.callLater(Duration.ofSeconds(1), () -> {
                    if (ran[0] == 0) {
                        client[0] = connect(port); // the kernel completes the handshake; the loop must accept
                    }
                    ran[0]++;
                    stopWhenBothDone(reactor, ran[0], acceptedAfter[0]);
                });
            }
            clock.advance(Duration.ofSeconds(1)); // the whole burst is due at once
            reactor.run();
        } finally {
            if (client[0] != null) {
                client[0].close();
            }
        }
        assertEquals(BURST, ran[0]);
        assertTrue(acceptedAfter[0] >= 1 && acceptedAfter[0] <= Reactor.MAX_TIMERS_PER_ITERATION,
                "accepted after " + acceptedAfter[0] + " of " + BURST + " due timers; at most one slice ("
                        + Reactor.MAX_TIMERS_PER_ITERATION + ") may run before the loop selects again");
    }

    @Test
    void aBurstRunInSlicesKeepsTimeThenSchedulingOrder() throws IOException {
        var clock = new ManualClock();
        var log = new ArrayList<Integer>();
        try (Reactor reactor = Reactor.open(SelectorKind.EPOLL, clock)) {
            // Scheduled latest first: half due at 2 s, half at 1 s, so the heap must reorder them.
            for (int i = 0; i < BURST; i++) {
                int n = i;
                reactor.callLater(Duration.ofSeconds(i < BURST / 2 ? 2 : 1), () -> log.add(n));
            }
            // Scheduled from the middle of the burst, a zero-delay call is due now too, but after
            // every call scheduled before it, which later slices still hold.
            reactor.callLater(Duration.ofSeconds(1), () -> reactor.callLater(Duration.ZERO, () -> {
                log.add(-1);
                reactor.stop();
            }));
            clock.advance(Duration.ofSeconds(2));
            reactor.run();
        }
        var expected = new ArrayList<Integer>();
        for (int i = BURST / 2; i < BURST; i++) {
            expected.add(i);
        }
        for (int i = 0; i < BURST / 2; i++) {
            expected.add(i);
        }
        expected.add(-1);
        assertEquals(expected, log);
    }

    private static void stopWhenBothDone(Reactor reactor, int ran, int acceptedAfter) {
        if (ran == BURST && acceptedAfter >= 0) {
            reactor.stop();
        }
    }

    private static Socket connect(ListeningPort port) {
        var socket = new Socket();
        try {
            socket.connect(new InetSocketAddress("127.0.0.1", port.port()), 5_000);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
