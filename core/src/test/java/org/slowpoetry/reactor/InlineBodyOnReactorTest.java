package org.slowpoetry.reactor;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.InlineCallbacks;

/**
 * Part 17 on a running reactor: an inline-callbacks body holds the loop's baton, so the reactor
 * counts it as its own thread and the body may schedule timers and make connections itself, as the
 * text's generators do with {@code reactor.callLater} and {@code get_poetry}. The rule itself, for
 * every loop, is proved in {@link EventLoopContractTest}.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class InlineBodyOnReactorTest {

    @Test
    void anInlineBodyIsInTheEventLoopAndMayCallLater() throws Exception {
        try (Reactor reactor = Reactor.open(); var loop = ReactorThread.start(reactor, "t-reactor")) {
            AtomicReference<Object> outcome = new AtomicReference<>();
            loop.call(() -> InlineCallbacks.run(reactor, ic -> {
                boolean before = reactor.inEventLoop();
                Deferred<String> tick = new Deferred<>();
                reactor.callLater(Duration.ofMillis(1), () -> tick.callback("tock"));
                String got = ic.await(tick);
                return before + " " + reactor.inEventLoop() + " " + got; // after the await too
            }).addBoth(r -> {
                outcome.set(r);
                return null;
            }));
            await().atMost(Duration.ofSeconds(5)).until(() -> outcome.get() != null);
            assertEquals("true true tock", outcome.get());
        }
    }

    @Test
    void anInlineBodyMayConnectAndAwaitThePoem() throws Exception {
        byte[] poem = "the body waits, the loop spins\n".getBytes(StandardCharsets.US_ASCII);
        try (Reactor reactor = Reactor.open(); var loop = ReactorThread.start(reactor, "t-reactor")) {
            int port = loop.call(() -> reactor.listenTCP(0, a -> new Protocol() {
                @Override
                protected void connectionMade() {
                    transport().write(poem);
                    transport().loseConnection();
                }
            }, "127.0.0.1").port());
            AtomicReference<Object> outcome = new AtomicReference<>();
            loop.call(() -> InlineCallbacks.run(reactor, ic -> {
                Deferred<String> received = new Deferred<>();
                reactor.connectTCP("127.0.0.1", port, new Collecting(received));
                return ic.await(received);
            }).addBoth(r -> {
                outcome.set(r);
                return null;
            }));
            await().atMost(Duration.ofSeconds(5)).until(() -> outcome.get() != null);
            assertEquals(new String(poem, StandardCharsets.US_ASCII), outcome.get());
        }
    }

    /** Collects what the server sends and fires {@code received} with it when the server closes. */
    private static final class Collecting implements ClientFactory {
        private final Deferred<String> received;

        Collecting(Deferred<String> received) {
            this.received = received;
        }

        @Override
        public Protocol buildProtocol(SocketAddress address) {
            var bytes = new ByteArrayOutputStream();
            return new Protocol() {
                @Override
                public void dataReceived(ByteBuffer data) {
                    byte[] chunk = new byte[data.remaining()];
                    data.get(chunk);
                    bytes.writeBytes(chunk);
                }

                @Override
                public void connectionLost(ConnectionClosed reason) {
                    received.callback(bytes.toString(StandardCharsets.US_ASCII));
                }
            };
        }

        @Override
        public void clientConnectionFailed(Connector connector, Throwable reason) {
            received.errback(reason);
        }
    }
}
