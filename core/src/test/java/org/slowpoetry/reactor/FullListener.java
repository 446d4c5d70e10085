package org.slowpoetry.reactor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback listener that never accepts and whose accept queue is full, so that a connect to it
 * hangs (Linux drops the SYN): the way to test connect timeouts without leaving the machine.
 *
 * <p><b>Threading:</b> one test thread.
 */
final class FullListener implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> fillers = new ArrayList<>();

    FullListener() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        var address = (InetSocketAddress) server.getLocalSocketAddress();
        for (int i = 0; i < 16; i++) {
            var s = new Socket();
            fillers.add(s);
            try {
                s.connect(address, 200);
            } catch (SocketTimeoutException full) {
                return; // this one hung: so will the next
            }
        }
        close();
        throw new IllegalStateException("could not fill the accept queue of " + address);
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket s : fillers) {
            s.close();
        }
        server.close();
    }
}
