package org.slowpoetry.clients.reactor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.slowpoetry.protocol.Address;

/**
 * A poetry server that breaks down, for client tests: to one connection it sends the first bytes of
 * a poem, waits until the test says the client has read them, and resets the connection (RST), as
 * a server that crashes mid-poem would.
 *
 * <p><b>Threading:</b> one platform thread serves; {@link #close()} closes the sockets and joins it.
 */
final class ResettingServer implements AutoCloseable {
    private final ServerSocket listener;
    private final Thread thread;
    /** The connection being served: written by the server thread, closed by close(). */
    private volatile Socket current;

    /** Sends {@code bytes} bytes of {@code poem}, then resets once {@code resetWhen} is counted down. */
    ResettingServer(byte[] poem, int bytes, CountDownLatch resetWhen) {
        try {
            listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] first = Arrays.copyOf(poem, bytes);
        thread = Thread.ofPlatform().name("resetting-server").start(() -> {
            try (Socket socket = listener.accept()) {
                current = socket;
                socket.getOutputStream().write(first);
                socket.getOutputStream().flush();
                resetWhen.await();
                socket.setSoLinger(true, 0); // close with RST: the client sees "Connection reset"
            } catch (IOException | InterruptedException e) {
                // closed by the test: done
            }
        });
    }

    Address address() {
        return new Address("127.0.0.1", listener.getLocalPort());
    }

    @Override
    public void close() throws IOException {
        listener.close();
        Socket s = current;
        if (s != null) {
            s.close();
        }
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the server", e);
        }
    }
}
