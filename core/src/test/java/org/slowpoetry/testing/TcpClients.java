package org.slowpoetry.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Plain blocking clients for tests of servers on loopback ports, every wait bounded.
 *
 * <p><b>Threading:</b> stateless; any thread. {@link #fetch} owns and closes its socket; the caller
 * owns the socket {@link #connect} returns.
 */
public final class TcpClients {
    /** A connect or read that takes longer than this fails the test instead of hanging it. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private TcpClients() {
    }

    /** Connects to {@code server}, with {@link #TIMEOUT} on the connect and on every read. */
    public static Socket connect(InetSocketAddress server) throws IOException {
        var socket = new Socket();
        try {
            socket.connect(server, (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Every byte {@code server} sends until it closes the connection. */
    public static byte[] fetch(InetSocketAddress server) throws IOException {
        try (Socket socket = connect(server)) {
            return socket.getInputStream().readAllBytes();
        }
    }

    /** Fails unless nothing listens on {@code server} any more: a connect is refused. */
    public static void assertRefused(InetSocketAddress server) {
        assertThrows(ConnectException.class, () -> connect(server).close(), "still listening on " + server);
    }
}
