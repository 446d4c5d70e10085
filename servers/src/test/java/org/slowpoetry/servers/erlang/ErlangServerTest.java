package org.slowpoetry.servers.erlang;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.servers.Clients;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.RecordingServerEvents;
import org.slowpoetry.servers.RecordingServerEvents.Connected;
import org.slowpoetry.servers.RecordingServerEvents.Crashed;
import org.slowpoetry.servers.RecordingServerEvents.Finished;
import org.slowpoetry.servers.RecordingServerEvents.Refused;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerEvents;
import org.slowpoetry.servers.ServerImpls;
import org.slowpoetry.servers.ServerKind;
import org.slowpoetry.servers.TestPoems;
import org.slowpoetry.servers.erlang.ErlangPoetryServer.ConnectionWork;
import org.slowpoetry.time.ManualClock;
import org.slowpoetry.trial.LeakCheck;

/** What only the erlang impl promises: a crash stays in its process and is reported by its monitor. */
@ExtendWith(LeakCheck.class)
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ErlangServerTest {

    private static final Duration DELAY = Duration.ofSeconds(1);

    private final RecordingServerEvents events = new RecordingServerEvents();
    private final ManualClock clock = new ManualClock();

    /** The {@code n}th connection (from 1) throws at once instead of serving; the others serve as usual. */
    private static UnaryOperator<ConnectionWork> crashingConnection(int n) {
        var connections = new AtomicInteger();
        return standard -> client -> {
            if (connections.incrementAndGet() == n) {
                throw new IllegalStateException("crash on purpose");
            }
            standard.serve(client);
        };
    }

    /** A slow server paced on {@link #clock}, reporting to {@link #events}. */
    private ServerConfig slow(Poem poem) {
        return ServerConfig.slow(poem).withPacing(10, DELAY).withClock(clock).withEvents(events);
    }

    @Test
    void isTheErlangImplForBothKinds() {
        assertInstanceOf(ErlangServerImpl.class, ServerImpls.find("erlang", ServerKind.SLOW));
        assertInstanceOf(ErlangServerImpl.class, ServerImpls.find("erlang", ServerKind.FAST));
    }

    @Test
    void aConnectionThatCrashesEndsAloneTheOthersGetWholePoemsAndItsMonitorReportsTheCrash() throws Exception {
        Poem poem = TestPoems.shortPoem();
        try (PoetryServer server = ErlangPoetryServer.start(slow(poem), crashingConnection(2));
                Socket first = Clients.connect(server.address())) {
            // The first client is mid-poem: its process sleeps on the clock after the first send.
            InputStream firstIn = first.getInputStream();
            assertArrayEquals(Arrays.copyOf(poem.bytes(), 10), firstIn.readNBytes(10));

            SocketAddress victim;
            try (Socket second = Clients.connect(server.address())) {
                victim = second.getLocalSocketAddress();
                assertEquals(-1, second.getInputStream().read(), "the crashed process's socket was not closed");
            }
            await().until(() -> events.about(victim).stream().anyMatch(Crashed.class::isInstance));
            Crashed crash = (Crashed) events.about(victim).getLast();
            assertInstanceOf(IllegalStateException.class, crash.reason());
            assertEquals("crash on purpose", crash.reason().getMessage());
            assertEquals(List.of(crash), events.about(victim), "the crashed process reported nothing else");

            // The server goes on: a client after the crash is served too.
            try (Socket third = Clients.connect(server.address())) {
                InputStream thirdIn = third.getInputStream();
                assertArrayEquals(Arrays.copyOf(poem.bytes(), 10), thirdIn.readNBytes(10));
                await().until(() -> {
                    clock.advance(DELAY);
                    return events.about(third.getLocalSocketAddress()).getLast() instanceof Finished
                            && events.about(first.getLocalSocketAddress()).getLast() instanceof Finished;
                });
                assertArrayEquals(Arrays.copyOfRange(poem.bytes(), 10, poem.size()), firstIn.readAllBytes());
                assertArrayEquals(Arrays.copyOfRange(poem.bytes(), 10, poem.size()), thirdIn.readAllBytes());
            }
            assertTrue(events.indexOf(crash) < events.indexOf(new Finished(first.getLocalSocketAddress())),
                    "the first client was still being served when the second crashed");
        }
    }

    @Test
    void theCrashIsPrintedAsOneLineNamingThePeerAndTheReason() throws Exception {
        var out = new ByteArrayOutputStream();
        var printing = ServerEvents.printing(new PrintStream(out, true, UTF_8));
        var config = ServerConfig.fast(TestPoems.shortPoem()).withEvents(printing);
        try (PoetryServer server = ErlangPoetryServer.start(config, crashingConnection(1));
                Socket client = Clients.connect(server.address())) {
            assertEquals(-1, client.getInputStream().read());
            SocketAddress peer = client.getLocalSocketAddress();
            String line = "Crashed while serving " + peer.toString().replaceFirst("^.*/", "")
                    + ": java.lang.IllegalStateException: crash on purpose";
            await().until(() -> out.toString(UTF_8).lines().anyMatch(line::equals));
        }
    }

    @Test
    void clientsOverMaxConnectionsAreClosedAtOnceAndACrashFreesItsPlace() throws Exception {
        Poem poem = TestPoems.shortPoem();
        var config = slow(poem).withMaxConnections(2);
        try (PoetryServer server = ErlangPoetryServer.start(config, crashingConnection(2));
                Socket first = Clients.connect(server.address())) {
            assertEquals(10, first.getInputStream().readNBytes(10).length);
            try (Socket crashing = Clients.connect(server.address())) {
                assertEquals(-1, crashing.getInputStream().read());
            }
            await().until(() -> events.all().stream().anyMatch(Crashed.class::isInstance));
            try (Socket second = Clients.connect(server.address())) {
                assertEquals(10, second.getInputStream().readNBytes(10).length, "the crash did not free its place");
                assertArrayEquals(new byte[0], Clients.fetch(server.address()), "the third client got poetry");
                await().until(() -> events.all().stream().anyMatch(Refused.class::isInstance));
                assertEquals(2, events.all().stream().filter(Connected.class::isInstance).count());
            }
        }
    }

    @Test
    void closeFromTheServersOwnProcessIsRefused() throws Exception {
        var seen = new CompletableFuture<Throwable>();
        var self = new CompletableFuture<PoetryServer>();
        ServerEvents closing = new ServerEvents() {
            @Override
            public void connected(SocketAddress peer) {
                try {
                    self.join().close();
                    seen.complete(null);
                } catch (Throwable t) {
                    seen.complete(t);
                }
            }
        };
        try (PoetryServer server = new ErlangServerImpl().start(ServerConfig.fast(TestPoems.shortPoem())
                .withEvents(closing))) {
            self.complete(server);
            Clients.fetch(server.address());
            assertInstanceOf(WrongThreadException.class, seen.get());
        }
    }
}
