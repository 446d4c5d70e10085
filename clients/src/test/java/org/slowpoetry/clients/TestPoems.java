package org.slowpoetry.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.slowpoetry.protocol.Address;

/** Made-up poems and a port nobody listens on, for client tests. */
final class TestPoems {
    private TestPoems() {
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
