package org.slowpoetry.reactor;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slowpoetry.time.MonotonicClock;
import org.slowpoetry.trial.LeakCheck;

/**
 * N reactors on one port, in both accept models: every client is served whole by one of the loops,
 * the connections spread over the loops, the loops live and die together, and closing the group
 * leaves no thread or socket behind ({@link LeakCheck} after every test).
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReactorGroupTest {

    /** Sends the name of the thread that built it and serves it, then closes. */
    private static ProtocolFactory namesItsLoop() {
        return peer -> {
            String builtOn = Thread.currentThread().getName();
            return new Protocol() {
                @Override
                protected void connectionMade() {
                    if (!Thread.currentThread().getName().equals(builtOn)) {
                        throw new AssertionError("built on " + builtOn + ", served on " + Thread.currentThread().getName());
                    }
                    transport().write(ByteBuffer.wrap(builtOn.getBytes(StandardCharsets.UTF_8)));
                    transport().loseConnection();
                }
            };
        };
    }

    /** Listens with {@link #namesItsLoop()} on every loop of {@code group}, starts it; the bound address. */
    private static InetSocketAddress startNamingLoops(ReactorGroup group, AcceptModel model) throws CannotListenException {
        InetSocketAddress address = group.listenTCP(0, reactor -> namesItsLoop(), "127.0.0.1", model);
        group.start("group-test");
        return address;
    }

    private static String fetch(InetSocketAddress address) throws IOException {
        try (var socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @EnumSource(AcceptModel.class)
    void everyClientIsServedWholeByOneLoopAndTheyAllTakeAShare(AcceptModel model) throws Exception {
        try (var group = ReactorGroup.open(2, SelectorKind.EPOLL, MonotonicClock.system())) {
            InetSocketAddress address = startNamingLoops(group, model);
            Set<String> loops = new TreeSet<>();
            // REUSEPORT spreads by a hash of the client's port: 40 clients all on one loop has odds 2^-39.
            for (int i = 0; i < 40; i++) {
                loops.add(fetch(address));
            }
            assertEquals(Set.of("group-test-0", "group-test-1"), loops);
        }
    }

    @ParameterizedTest
    @EnumSource(AcceptModel.class)
    void clientsConnectingAtOnceAreAllServed(AcceptModel model) throws Exception {
        try (var group = ReactorGroup.open(2, SelectorKind.EPOLL, MonotonicClock.system())) {
            InetSocketAddress address = startNamingLoops(group, model);
            var fetches = new ArrayList<CompletableFuture<String>>();
            for (int i = 0; i < 200; i++) {
                fetches.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return fetch(address);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, r -> Thread.ofVirtual().start(r)));
            }
            for (var f : fetches) {
                assertTrue(f.get().startsWith("group-test-"), f.get());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(AcceptModel.class)
    void closingEndsEveryLoopAndEveryConnectionStillOpen(AcceptModel model) throws Exception {
        var group = ReactorGroup.open(3, SelectorKind.EPOLL, MonotonicClock.system());
        InetSocketAddress address = group.listenTCP(0, reactor -> peer -> new Protocol() { }, "127.0.0.1", model);
        group.start("group-test");
        var held = new ArrayList<Socket>();
        try {
            for (int i = 0; i < 6; i++) {
                held.add(new Socket(address.getAddress(), address.getPort()));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> group.reactors().stream()
                    .mapToInt(r -> callOn(r, () -> r.connections().size())).sum() == 6);
            group.close();
            for (Reactor reactor : group.reactors()) {
                assertEquals(ReactorState.STOPPED, reactor.state());
            }
            for (Socket socket : held) {
                socket.setSoTimeout(10_000);
                assertEquals(-1, readOrReset(socket));
            }
        } finally {
            group.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void aLoopThatStopsStopsTheOthers() throws Exception {
        try (var group = ReactorGroup.open(2, SelectorKind.EPOLL, MonotonicClock.system())) {
            group.listenTCP(0, reactor -> namesItsLoop(), "127.0.0.1", AcceptModel.HANDOFF);
            group.start("group-test");
            Reactor second = group.reactors().get(1);
            second.callFromThread(second::stop);
            group.awaitTermination();
            for (Reactor reactor : group.reactors()) {
                assertEquals(ReactorState.STOPPED, reactor.state());
            }
        }
    }

    @Test
    void aGroupNeedsAtLeastOneLoop() {
        assertThrows(IllegalArgumentException.class, () -> ReactorGroup.open(0, SelectorKind.EPOLL, MonotonicClock.system()));
        assertThrows(IllegalArgumentException.class, () -> ReactorGroup.open(-1, SelectorKind.EPOLL, MonotonicClock.system()));
    }

    @Test
    void aLoopCannotCloseItsOwnGroup() throws Exception {
        try (var group = ReactorGroup.open(2, SelectorKind.EPOLL, MonotonicClock.system())) {
            group.start("group-test");
            var thrown = new CompletableFuture<Throwable>();
            group.reactors().get(1).callFromThread(() -> {
                try {
                    group.close();
                    thrown.complete(null);
                } catch (Throwable t) {
                    thrown.complete(t);
                }
            });
            assertTrue(thrown.get(10, TimeUnit.SECONDS) instanceof WrongThreadException);
        }
    }

    @Test
    void listeningAfterStartIsRefused() throws Exception {
        try (var group = ReactorGroup.open(2, SelectorKind.EPOLL, MonotonicClock.system())) {
            group.start("group-test");
            assertThrows(IllegalStateException.class,
                    () -> group.listenTCP(0, reactor -> namesItsLoop(), "127.0.0.1", AcceptModel.HANDOFF));
        }
    }

    @ParameterizedTest
    @EnumSource(AcceptModel.class)
    void aPortInUseFailsAndClosingLeavesNothingOpen(AcceptModel model) throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
             var group = ReactorGroup.open(2, SelectorKind.EPOLL, MonotonicClock.system())) {
            assertThrows(CannotListenException.class,
                    () -> group.listenTCP(taken.getLocalPort(), reactor -> namesItsLoop(), "127.0.0.1", model));
        }
    }

    private static int readOrReset(Socket socket) {
        try {
            return socket.getInputStream().read();
        } catch (IOException reset) {
            return -1;
        }
    }

    private static <T> T callOn(Reactor reactor, java.util.concurrent.Callable<T> task) {
        try {
            return reactor.blockingCallFromThread(task);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
