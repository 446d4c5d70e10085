package org.slowpoetry.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a reactor reports it holds ({@link Reactor#pendingCalls}, {@link Reactor#listeningPorts},
 * {@link Reactor#connections}): the read-only view trial's dirty-reactor check is built on.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class WhatItHoldsTest {

    @Test
    void pendingCallsAreThoseNeitherRunNorCancelledInTheOrderTheyWillRun() throws Exception {
        try (Reactor reactor = Reactor.open()) {
            DelayedCall later = reactor.callLater(Duration.ofSeconds(2), () -> { });
            DelayedCall cancelled = reactor.callLater(Duration.ofSeconds(1), () -> { });
            DelayedCall sooner = reactor.callLater(Duration.ofSeconds(1), () -> { });
            cancelled.cancel();

            assertEquals(List.of(sooner, later), reactor.pendingCalls());
        }
    }

    @Test
    void aPendingLambdaIsDescribedByTheClassThatScheduledIt() throws Exception {
        try (Reactor reactor = Reactor.open()) {
            DelayedCall call = reactor.callLater(Duration.ofSeconds(1), () -> { });

            assertTrue(call.toString().contains("task=a lambda in " + WhatItHoldsTest.class.getName() + "]"),
                    call::toString);
        }
    }

    @Test
    void listeningPortsAndConnectionsAreWhatIsStillOpen() throws Exception {
        var accepted = new CompletableFuture<Transport>();
        var client = new Recorder();
        try (Reactor reactor = Reactor.open(); var loop = ReactorThread.start(reactor, "holdings-reactor")) {
            ListeningPort port = loop.call(() -> {
                ListeningPort listening = reactor.listenTCP(0, a -> new Recorder(r -> accepted.complete(r.t())),
                        "127.0.0.1");
                reactor.connectTCP("127.0.0.1", listening.port(), a -> client);
                return listening;
            });
            Transport server = accepted.get(10, TimeUnit.SECONDS);
            Transport connected = client.made.get(10, TimeUnit.SECONDS);

            assertEquals(List.of(port), loop.call(reactor::listeningPorts));
            assertEquals(Set.of(server, connected), Set.copyOf(loop.call(reactor::connections)));

            loop.call(() -> {
                port.stopListening();
                connected.loseConnection();
                return null;
            });
            client.lost.get(10, TimeUnit.SECONDS);
            assertEquals(List.of(), loop.call(reactor::listeningPorts));
            assertEquals(Set.of(), loop.call(() -> reactor.connections().stream()
                    .filter(c -> c != server).collect(Collectors.toSet())), "the client side is gone");
        }
    }

    @Test
    void whatItHoldsIsAskedOnTheLoopOnly() throws Exception {
        try (Reactor reactor = Reactor.open()) {
            assertThrows(WrongThreadException.class, () -> onAnotherThread(reactor::pendingCalls));
            assertThrows(WrongThreadException.class, () -> onAnotherThread(reactor::listeningPorts));
            assertThrows(WrongThreadException.class, () -> onAnotherThread(reactor::connections));
        }
    }

    private static void onAnotherThread(Runnable task) throws Throwable {
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                task.run();
                thrown.complete(null);
            } catch (Throwable t) {
                thrown.complete(t);
            }
        }).join();
        if (thrown.get() != null) {
            throw thrown.get();
        }
    }
}
