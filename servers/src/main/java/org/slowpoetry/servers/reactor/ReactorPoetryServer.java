package org.slowpoetry.servers.reactor;

import java.net.InetSocketAddress;
import org.slowpoetry.reactor.ReactorThread;
import org.slowpoetry.servers.PoetryServer;

/**
 * A running reactor poetry server: its address and the {@link ReactorThread} that owns the reactor,
 * the listening socket and every connection. Closing stops the reactor, whose teardown closes all
 * of them, and joins the thread.
 *
 * <p><b>Threading:</b> all methods are thread-safe; {@link #close()} from any thread but the
 * reactor's own (there it throws {@link WrongThreadException}).
 */
public final class ReactorPoetryServer implements PoetryServer {
    private final InetSocketAddress address;
    private final ReactorThread thread;

    public ReactorPoetryServer(InetSocketAddress address, ReactorThread thread) {
        this.address = address;
        this.thread = thread;
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        thread.join();
    }

    @Override
    public void close() {
        thread.close();
    }

    @Override
    public String toString() {
        return "reactor poetry server on " + address;
    }
}
