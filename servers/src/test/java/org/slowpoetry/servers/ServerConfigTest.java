package org.slowpoetry.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slowpoetry.net.AcceptLoop;

/** How a poetry server's config becomes the accept loop's listening rules. */
class ServerConfigTest {

    private final Poem poem = TestPoems.shortPoem();

    @Test
    void slowServersListenWithoutNaglesDelayAndFastOnesKeepTheDefault() {
        assertTrue(ServerConfig.slow(poem).listen().noDelay(), "slow: each small send leaves at once");
        assertFalse(ServerConfig.fast(poem).listen().noDelay(), "fast: one big write, Nagle is harmless");
    }

    @Test
    void listeningIsReportedWithThePoemAndTheBoundAddress() {
        var events = new RecordingServerEvents();
        AcceptLoop.Listen listen = ServerConfig.fast(poem).withPort(10_000).withEvents(events).listen();
        var bound = new InetSocketAddress("127.0.0.1", 10_000);
        listen.onListening().accept(bound);
        assertEquals(List.of(new RecordingServerEvents.Listening(poem.source(), bound)), events.all());
        assertEquals("127.0.0.1", listen.iface());
        assertEquals(10_000, listen.port());
        assertEquals("fast server", listen.what());
    }
}
