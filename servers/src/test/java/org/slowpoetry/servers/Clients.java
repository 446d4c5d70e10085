package org.slowpoetry.servers;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import org.slowpoetry.testing.TcpClients;

/**
 * Minimal blocking poetry clients for server tests: core's {@link TcpClients}, and a read of an
 * exact number of bytes.
 *
 * <p><b>Threading:</b> stateless; any thread. {@link #fetch} owns and closes its socket; the caller
 * owns the socket {@link #connect} returns.
 */
public final class Clients {
    /** A read that takes longer than this fails the test instead of hanging it. */
    public static final Duration READ_TIMEOUT = TcpClients.TIMEOUT;

    private Clients() {
    }

    /** Connects to {@code server}, with {@link #READ_TIMEOUT} on reads. */
    public static Socket connect(InetSocketAddress server) throws IOException {
        return TcpClients.connect(server);
    }

    /** The whole poem: every byte until the server closes the connection. */
    public static byte[] fetch(InetSocketAddress server) throws IOException {
        return TcpClients.fetch(server);
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
