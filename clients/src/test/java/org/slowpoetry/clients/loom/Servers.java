package org.slowpoetry.clients.loom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerImpls;
import org.slowpoetry.servers.ServerKind;

/**
 * Well-behaved servers for the Loom clients' tests: the servers module's {@code loom} impl, in
 * process, on random loopback ports; made-up poems; and a port nobody listens on.
 *
 * <p><b>Threading:</b> stateless; each server owns its threads until closed.
 */
final class Servers {
    private Servers() {
    }

    /** A slow {@code loom} server sending {@code numBytes} every {@code delay}. */
    static PoetryServer slow(byte[] poem, int numBytes, Duration delay) {
        try {
            return ServerImpls.find("loom", ServerKind.SLOW)
                    .start(ServerConfig.slow(Poem.of("test poem", poem)).withPacing(numBytes, delay));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Address address(PoetryServer server) {
        return new Address("127.0.0.1", server.port());
    }

    /** {@code lines} numbered lines, distinct per {@code name}, so a mixed-up poem is caught. */
    static byte[] poem(String name, int lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            text.append(name).append(", line ").append(i).append(": slowly the bytes arrive\n");
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A loopback port that was just free: bound, then closed, so a connect is refused. */
    static Address refusingAddress() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new Address("127.0.0.1", socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
