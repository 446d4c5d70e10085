package org.slowpoetry.servers.reactor;

import java.net.InetSocketAddress;
import org.slowpoetry.reactor.ReactorGroup;
import org.slowpoetry.reactor.ReactorThread;
import org.slowpoetry.servers.PoetryServer;

/**
 * A running reactor poetry server: its address and what owns its loops, the listening sockets and
 * every connection: a {@link ReactorThread}, or a {@link ReactorGroup} of them ({@code --loops}).
 * Closing stops every loop, whose teardowns close all of them, and joins the threads.
 *
 * <p><b>Threading:</b> all methods are thread-safe; {@link #close()} from any thread but a loop of
 * the server's own (there it throws {@link WrongThreadException}).
 */
public final class ReactorPoetryServer implements PoetryServer {
    private final InetSocketAddress address;
    /** Stops and joins the loops (idempotent). */
    private final Runnable stopper;
    /** Waits for the loops to end. */
    private final Termination termination;

    /** How to wait for the loops to end: {@link ReactorThread#join}, {@link ReactorGroup#awaitTermination}. */
    private interface Termination {
        void await() throws InterruptedException;
    }

    /** A server on one loop, owned by {@code thread}. */
    public ReactorPoetryServer(InetSocketAddress address, ReactorThread thread) {
        this.address = address;
        this.stopper = thread::close;
        this.termination = thread::join;
    }

    /** A server on the loops of {@code group}, which owns them. */
    public ReactorPoetryServer(InetSocketAddress address, ReactorGroup group) {
        this.address = address;
        this.stopper = group::close;
        this.termination = group::awaitTermination;
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        termination.await();
    }

    @Override
    public void close() {
        stopper.run();
    }

    @Override
    public String toString() {
        return "reactor poetry server on " + address;
    }
}
