package org.slowpoetry.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.protocol.PoemFraming;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerImpls;
import org.slowpoetry.servers.ServerKind;

/** The real slow poetry server of Part 2 (the servers module's {@code blocking} impl), for client tests. */
final class TestServers {
    private TestServers() {
    }

    /** A silent slow server on a random loopback port, sending {@code numBytes} every {@code delay}. */
    static PoetryServer slow(byte[] poem, int numBytes, Duration delay) {
        return slow(poem, numBytes, delay, PoemFraming.NONE);
    }

    /** As {@link #slow(byte[], int, Duration)}, with the poem framed as {@code framing} says ({@code --netstrings}). */
    static PoetryServer slow(byte[] poem, int numBytes, Duration delay, PoemFraming framing) {
        try {
            return ServerImpls.find("blocking", ServerKind.SLOW)
                    .start(ServerConfig.slow(Poem.of("test poem", poem)).withPacing(numBytes, delay).withFraming(framing));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where {@code server} listens, as a client addresses it. */
    static Address address(PoetryServer server) {
        return new Address("127.0.0.1", server.port());
    }
}
