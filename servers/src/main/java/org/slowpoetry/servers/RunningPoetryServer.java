package org.slowpoetry.servers;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import org.slowpoetry.net.RunningServer;

/**
 * {@link PoetryServer#of}: a {@link RunningServer} seen as a {@link PoetryServer}.
 *
 * <p><b>Threading:</b> immutable; as thread-safe as the server it passes calls to.
 */
record RunningPoetryServer(RunningServer server) implements PoetryServer {

    RunningPoetryServer {
        Objects.requireNonNull(server, "server");
    }

    @Override
    public InetSocketAddress address() {
        return server.address();
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    @Override
    public Optional<Throwable> failure() {
        return server.failure();
    }

    @Override
    public boolean isOwnThread() {
        return server.isOwnThread();
    }

    @Override
    public void close() {
        server.close();
    }

    @Override
    public String toString() {
        return server.toString();
    }
}
