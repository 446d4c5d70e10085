package org.slowpoetry.servers.reactor;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.RecordingServerEvents.Refused;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerImpl;
import org.slowpoetry.servers.ServerImplContract;
import org.slowpoetry.servers.TestPoems;

/**
 * The reactor impl on several loops ({@code --loops 2}, the default on a 2-core machine, with the
 * default accept model) keeps every promise of the one-loop server, and its
 * {@code --max-connections} limits the whole server, not each loop. {@link HandoffLoopsContractTest} and {@link ReuseportLoopsContractTest} run the same
 * on each model.
 */
class ReactorLoopsContractTest extends ServerImplContract {

    @Override
    protected ServerImpl impl() {
        return new ReactorServerImpl();
    }

    @Override
    protected ServerConfig slow(Poem poem, int numBytes, Duration delay) {
        return super.slow(poem, numBytes, delay).withLoops(2);
    }

    @Override
    protected ServerConfig fast(Poem poem) {
        return super.fast(poem).withLoops(2);
    }

    @Test
    public void maxConnectionsHoldsAcrossTheLoops() throws Exception {
        Poem poem = TestPoems.shortPoem();
        var held = new ArrayList<Socket>();
        try (PoetryServer server = impl().start(slow(poem, 1, Duration.ofSeconds(30)).withMaxConnections(2))) {
            for (int i = 0; i < 2; i++) { // two served, one per loop or both on one: either way the limit is reached
                held.add(connectAndReadAByte(server));
            }
            for (int i = 0; i < 4; i++) { // on any loop, each is over the server's limit
                try (Socket turnedAway = new Socket(server.address().getAddress(), server.address().getPort())) {
                    turnedAway.setSoTimeout(10_000);
                    assertEquals(-1, readOrReset(turnedAway.getInputStream()), "client " + (i + 3) + " was served");
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> events.all().stream().filter(Refused.class::isInstance).count() == 4);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    private static Socket connectAndReadAByte(PoetryServer server) throws IOException {
        var socket = new Socket(server.address().getAddress(), server.address().getPort());
        socket.setSoTimeout(10_000);
        if (socket.getInputStream().read() < 0) {
            socket.close();
            throw new AssertionError("a client within the limit was turned away");
        }
        return socket;
    }

    private static int readOrReset(InputStream in) {
        try {
            return in.read();
        } catch (IOException reset) {
            return -1;
        }
    }
}
