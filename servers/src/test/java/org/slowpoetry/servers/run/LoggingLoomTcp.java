package org.slowpoetry.servers.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.service.LoomService;

/**
 * A Loom TCP service for the runner's tests that logs its port, as {@link LoggingReactorTcp}
 * does: a virtual thread accepts, and each connection gets a virtual thread that sends the poem
 * and closes.
 *
 * <p><b>Threading:</b> start and stop from the runner's threads; the service owns the accept
 * thread and the connection threads (in {@code connections}), and stop ends and joins them all.
 */
final class LoggingLoomTcp extends LoomService {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingLoomTcp.class);

    private final String iface;
    private final int port;
    private final PoemHolder poem;
    /** Written by start, read by stop (the service's state carries the write across). */
    private ServerSocket listener;
    private Thread acceptor;
    private ExecutorService connections;

    LoggingLoomTcp(String name, String iface, int port, PoemHolder poem) {
        super(name);
        this.iface = iface;
        this.port = port;
        this.poem = poem;
    }

    @Override
    protected void onStart() throws IOException {
        listener = new ServerSocket();
        try {
            listener.bind(new InetSocketAddress(InetAddress.getByName(iface), port));
        } catch (IOException e) {
            listener.close();
            throw new IOException("cannot listen on " + iface + ":" + port + ": " + e.getMessage(), e);
        }
        connections = Executors.newVirtualThreadPerTaskExecutor();
        acceptor = Thread.ofVirtual().name(name() + "-accept").start(this::accept);
        LOG.info("{} listening on {}", name(), LoggingReactorTcp.hostPort((InetSocketAddress) listener.getLocalSocketAddress()));
    }

    private void accept() {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return; // stop() closed the listener
            }
            connections.submit(() -> send(client));
        }
    }

    private Void send(Socket client) throws IOException {
        try (client) {
            byte[] bytes = poem.poem();
            LOG.info("sending {} bytes of poetry to {}", bytes.length, client.getRemoteSocketAddress());
            client.getOutputStream().write(bytes);
        }
        return null;
    }

    @Override
    protected void onStop() throws IOException, InterruptedException {
        String address = LoggingReactorTcp.hostPort((InetSocketAddress) listener.getLocalSocketAddress());
        listener.close();
        acceptor.join();
        connections.close(); // waits for the connections in progress
        LOG.info("{} stopped listening on {}", name(), address);
    }
}
