package org.slowpoetry.servers;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Minimal blocking poetry clients for server tests.
 *
 * <p><b>Threading:</b> stateless; any thread. {@link #fetch} owns and closes its socket; the caller
 * owns the socket {@link #connect} returns.
 */
public final class Clients {
    /** A read that takes longer than this fails the test instead of hanging it. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private Clients() {
    }

    /** Connects to {@code server}, with {@link #READ_TIMEOUT} on reads. */
    public static Socket connect(InetSocketAddress server) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(server, (int) READ_TIMEOUT.toMillis());
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The whole poem: every byte until the server closes the connection. */
    public static byte[] fetch(InetSocketAddress server) throws IOException {
        try (Socket socket = connect(server)) {
            return socket.getInputStream().readAllBytes();
        }
    }

    /** Exactly {@code n} bytes from {@code in}, or fails if the stream ends first. */
    public static byte[] readExactly(InputStream in, int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length != n) {
            throw new IOException("stream ended after " + bytes.length + " of " + n + " bytes");
        }
        return bytes;
    }
}
