package org.slowpoetry.servers.loom;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Optional;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.loom.TaskContext;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerEvents;

/**
 * A running loom poetry server: an acceptor thread that owns a {@link StructuredTaskScope}, and
 * one virtual thread per client forked in that scope, each running {@link PoemConnection}.
 *
 * {@snippet :
 * try (var connections = StructuredTaskScope.open(Joiner.<Void>awaitAll(), ...)) {
 *     while (true) {
 *         Socket client = listener.accept();          // blocks only this virtual thread
 *         connections.fork(() -> serve(client));      // a new virtual thread per client
 *     }
 * }                                                   // no connection outlives this block
 * }
 *
 * <p><b>Ownership.</b> Every thread of the server has an owner that waits for it: connection
 * threads belong to the scope, the scope to the acceptor thread (only its owner may fork into it,
 * join it, and close it), and the acceptor to this object. {@link #close()} closes the listener
 * and interrupts the acceptor; the acceptor's {@code join()} then throws, and leaving the
 * try-with-resources block closes the scope, which interrupts every connection thread (a virtual
 * thread blocked in a socket write has its socket closed; one sleeping wakes) and waits for all of
 * them. {@code close()} returns when the acceptor has ended, so when all of them have.
 *
 * <p><b>Threads</b> are named {@code loom-server-PORT-acceptor} and
 * {@code loom-server-PORT-connection-N}; the scope is named {@code loom-server-PORT-connections} in
 * thread dumps.
 *
 * <p><b>Max connections.</b> With {@code maxConnections > 0}, a client accepted while that many
 * are being served is closed at once and reported with {@link ServerEvents#refused}.
 *
 * <p><b>Threading:</b> {@link #start} runs on the caller's thread and returns once listening.
 * {@link #close()}, {@link #awaitTermination()}, {@link #address()} and {@link #failure()} may be
 * called from any thread except the server's own (a {@link ServerEvents} callback), where
 * {@code close()} and {@code awaitTermination()} would wait for themselves and throw
 * {@link WrongThreadException} instead.
 */
final class LoomPoetryServer implements PoetryServer {

    /*
     * Implementation overview.
     *
     * Why the acceptor interrupts itself out of join(): a StructuredTaskScope must be joined by
     * its owner before it is closed, and join() waits for every subtask, which for slow clients
     * could be a long time. Cancelling is only possible from a Joiner, a timeout, or close(). The
     * JDK's own fan-in example stops an accept loop by interrupting the owner; so does close()
     * here: an interrupted join() throws InterruptedException at once, and the scope's close()
     * then cancels it, interrupting every connection thread and waiting for it. If the listener
     * fails by itself, nobody interrupts: join() then waits for the current clients to get their
     * whole poems, and the server ends gracefully with failure() set.
     *
     * `active` counts connections being served: the acceptor increments it (so its check against
     * maxConnections cannot race with another increment) and each connection thread decrements it
     * as it ends.
     *
     * OWN is a ScopedValue bound on the acceptor around the scope; connection threads inherit it
     * from the scope. It lets close() recognise the server's own threads without keeping a list.
     */

    private static final Logger log = LoggerFactory.getLogger(LoomPoetryServer.class);

    /** Connecting clients the kernel may queue before accept() (capped by net.core.somaxconn). */
    static final int BACKLOG = 4096;

    /** The server whose thread this is: bound on the acceptor, inherited by connection threads. */
    private static final ScopedValue<LoomPoetryServer> OWN = ScopedValue.newInstance();

    private enum State {
        /** Accepting and serving. */
        SERVING,
        /** close() was called; threads are on their way out. */
        STOPPING,
        /** Every thread has ended. */
        STOPPED
    }

    private final ServerConfig config;
    private final ServerEvents events;
    private final PoemConnection connection;
    private final ServerSocket listener;
    private final InetSocketAddress address;
    private final String prefix;
    private final Thread acceptor;
    /** SERVING to STOPPING by the first close() (a CAS); to STOPPED by the acceptor as it ends. */
    private final AtomicReference<State> state = new AtomicReference<>(State.SERVING);
    /** Connections being served; incremented by the acceptor, decremented by connection threads. */
    private final AtomicInteger active = new AtomicInteger();
    /** Clients admitted so far, for task numbers. Acceptor thread only. */
    private int admitted;
    /** Why the listener stopped by itself, or null. Written by the acceptor; read by anyone. */
    private volatile Throwable failure;

    private LoomPoetryServer(ServerConfig config, ServerSocket listener) {
        this.config = config;
        this.events = config.events();
        this.connection = new PoemConnection(config);
        this.listener = listener;
        this.address = (InetSocketAddress) listener.getLocalSocketAddress();
        this.prefix = "loom-server-" + address.getPort() + "-";
        this.acceptor = Thread.ofVirtual()
                .name(prefix + "acceptor")
                .unstarted(() -> ScopedValue.where(OWN, this).run(this::acceptAndServe));
    }

    /** Binds, reports {@code listening}, starts the acceptor. Closes the listener if binding fails. */
    static LoomPoetryServer start(ServerConfig config) throws IOException {
        var listener = new ServerSocket();
        LoomPoetryServer server;
        try {
            var endpoint = new InetSocketAddress(config.iface(), config.port());
            if (endpoint.isUnresolved()) {
                throw new IOException("unknown interface '" + config.iface() + "'"); // the caller names the address
            }
            listener.bind(endpoint, BACKLOG);
            server = new LoomPoetryServer(config, listener);
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
        config.events().listening(config.poem(), server.address);
        server.acceptor.start();
        return server;
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        checkNotOwnThread("awaitTermination()");
        acceptor.join();
    }

    /** Why the server stopped on its own (its listener failed), if it did. */
    @Override
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void close() {
        checkNotOwnThread("close()");
        if (state.compareAndSet(State.SERVING, State.STOPPING)) {
            closeQuietly(listener); // wakes accept()
            acceptor.interrupt();   // makes join() throw: see the implementation overview
        }
        boolean interrupted = false;
        while (true) {
            try {
                acceptor.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // keep waiting: returning early would leave threads running
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "loom " + config.kind().command() + " server on " + address + " (" + state.get() + ", "
                + active.get() + " connections)";
    }

    // ---- the acceptor thread ----

    private void acceptAndServe() {
        try (var connections = StructuredTaskScope.open(Joiner.<Void>awaitAll(), cf -> cf
                .withName(prefix + "connections")
                .withThreadFactory(Thread.ofVirtual().name(prefix + "connection-", 1).factory()))) {
            acceptUntilClosed(connections);
            connections.join(); // close() interrupts this; a failed listener waits for its clients
        } catch (InterruptedException e) {
            // close(): the scope has been closed on the way out, so every connection has ended
        } catch (RuntimeException | Error e) {
            failure = e;
            log.error("{}: stopped after an unexpected error", this, e);
        } finally {
            closeQuietly(listener);
            state.set(State.STOPPED);
        }
    }

    private void acceptUntilClosed(StructuredTaskScope<Void, Void> connections) {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (state.get() == State.SERVING) {
                    failure = e;
                    log.error("{}: accept failed; serving the current clients, then stopping: {}", this, e.toString());
                }
                return;
            }
            admit(connections, client);
        }
    }

    private void admit(StructuredTaskScope<Void, Void> connections, Socket client) {
        SocketAddress peer = client.getRemoteSocketAddress();
        int max = config.maxConnections();
        if (max > 0 && active.get() >= max) {
            closeQuietly(client);
            events.refused(peer);
            return;
        }
        active.incrementAndGet();
        int task = ++admitted;
        try {
            // The scope is open until this thread closes it, so fork always starts a thread here.
            connections.fork(() -> handle(task, client, peer));
        } catch (RuntimeException | Error e) {
            active.decrementAndGet();
            closeQuietly(client);
            throw e;
        }
    }

    // ---- a connection thread ----

    private void handle(int task, Socket client, SocketAddress peer) {
        try {
            ScopedValue.where(TaskContext.CURRENT, new TaskContext(task, format(peer))).call(() -> {
                connection.serve(client, peer);
                return null;
            });
            events.finished(peer);
        } catch (IOException e) {
            if (state.get() == State.SERVING) {
                log.debug("{}: lost {}: {}", this, peer, e.toString());
                events.dropped(peer, e);
            } // else close() closed the socket under us: not the client's doing
        } catch (InterruptedException e) {
            // only close() interrupts a connection: end quietly
        } catch (Exception e) {
            log.error("{}: connection from {} failed unexpectedly", this, peer, e);
        } finally {
            closeQuietly(client); // already closed by serve(), unless the ScopedValue call failed first
            active.decrementAndGet();
        }
    }

    // ---- helpers ----

    private void checkNotOwnThread(String method) {
        if (OWN.isBound() && OWN.get() == this) {
            throw new WrongThreadException(method + " called on the server's own thread would wait for itself");
        }
    }

    private static String format(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.debug("ignored while closing {}: {}", c, e.toString());
        }
    }
}
