package org.slowpoetry.servers.loom;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.net.AcceptLoop;
import org.slowpoetry.net.ConnectionScope;
import org.slowpoetry.net.ConnectionStrategy;
import org.slowpoetry.servers.PoemConnection;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerEvents;

/**
 * The loom poetry server: an {@link AcceptLoop} on a virtual thread that owns a
 * {@link StructuredTaskScope}, and one virtual thread per client forked in that scope, each running
 * {@link PoemConnection}. This class is the scope: the loop's {@link ConnectionStrategy.Connections}.
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
 * threads belong to the scope, the scope to the accepting thread (only its owner may fork into it,
 * join it, and close it), and the accepting thread to the {@link AcceptLoop}. Its
 * {@link AcceptLoop#close()} closes the listener and interrupts the accepting thread; the scope's
 * {@code join()} then throws, and the loop closes the scope, which interrupts every connection
 * thread (a virtual thread blocked in a socket write has its socket closed; one sleeping wakes) and
 * waits for all of them.
 *
 * <p><b>Threads</b> are named {@code loom-server-PORT-acceptor} and
 * {@code loom-server-PORT-connection-N}; the scope is named {@code loom-server-PORT-connections} in
 * thread dumps.
 *
 * <p><b>Max connections.</b> With {@code maxConnections > 0}, a client accepted while that many
 * are being served is closed at once and reported with {@link ServerEvents#refused}.
 *
 * <p><b>Threading:</b> {@link #start} runs on the caller's thread. An instance is made, used and
 * closed on the accepting thread (see {@link ConnectionStrategy}); its connection threads only
 * decrement {@code active}.
 */
final class LoomPoetryServer implements ConnectionStrategy.Connections {

    /*
     * Implementation overview.
     *
     * Why the accepting thread is interrupted out of join(): a StructuredTaskScope must be joined
     * by its owner before it is closed, and join() waits for every subtask, which for slow clients
     * could be a long time. Cancelling is only possible from a Joiner, a timeout, or close(). The
     * JDK's own fan-in example stops an accept loop by interrupting the owner; so does
     * AcceptLoop.close(): an interrupted join() throws InterruptedException at once, and the
     * scope's close() then cancels it, interrupting every connection thread and waiting for it. If
     * the listener fails by itself, nobody interrupts: join() then waits for the current clients to
     * get their whole poems.
     *
     * `active` counts connections being served: the accepting thread increments it (so its check
     * against maxConnections cannot race with another increment) and each connection thread
     * decrements it as it ends.
     *
     * Memory: a connection thread spends nearly all its life parked in PoemWriter's sleep, and a
     * parked virtual thread keeps its stack as a heap object (a StackChunk) whose size is the sum
     * of its frames: on a server that has just started, interpreted frames of a hundred bytes or
     * more each. So the path from the fork to the sleep is kept short, and nothing per connection
     * is made that the thread then carries across its sleeps: no TaskContext in a ScopedValue (its
     * binding adds four frames: Carrier.call, ScopedValueContainer.call, callWithoutScope and a
     * lambda), no formatted peer string, no second copy of the peer's address. The log lines ask
     * the socket for its peer only when they are written.
     */

    private static final Logger log = LoggerFactory.getLogger(LoomPoetryServer.class);

    /** Connecting clients the kernel may queue before accept() (capped by net.core.somaxconn). */
    static final int BACKLOG = 4096;

    private final AcceptLoop loop;
    private final ServerEvents events;
    private final int maxConnections;
    private final PoemConnection connection;
    private final ConnectionScope scope;
    /** Connections being served; incremented by the accepting thread, decremented by connection threads. */
    private final AtomicInteger active = new AtomicInteger();

    /** Opens the scope: on the accepting thread, which thereby owns it. */
    private LoomPoetryServer(AcceptLoop loop, ServerConfig config, PoemConnection connection) {
        this.loop = loop;
        this.events = config.events();
        this.maxConnections = config.maxConnections();
        this.connection = connection;
        this.scope = ConnectionScope.open(loop, "connection");
    }

    /** Binds, reports {@code listening}, starts the accepting thread; see {@link AcceptLoop#start}. */
    static PoetryServer start(ServerConfig config) throws IOException {
        var connection = new PoemConnection(config);
        return PoetryServer.of(AcceptLoop.start(config.listen(), new AcceptLoop.Setup("loom", BACKLOG, true),
                loop -> new LoomPoetryServer(loop, config, connection)));
    }

    @Override
    public void serve(Socket client) {
        if (maxConnections > 0 && active.get() >= maxConnections) {
            SocketAddress peer = client.getRemoteSocketAddress();
            AcceptLoop.closeQuietly(client);
            events.refused(peer);
            return;
        }
        active.incrementAndGet();
        try {
            // The scope is open until this thread closes it, so fork always starts a thread here.
            scope.fork(client, () -> handle(client));
        } catch (RuntimeException | Error e) {
            active.decrementAndGet(); // the scope closed the client
            throw e;
        }
    }

    @Override
    public void awaitServed() throws InterruptedException {
        scope.join();
    }

    @Override
    public void close() {
        scope.close();
    }

    @Override
    public String toString() {
        return loop + ", " + active.get() + " connections";
    }

    // ---- a connection thread ----

    /**
     * The whole of a connection thread. Its stack at a sleep, from the bottom: the scope's
     * {@code SubtaskImpl.run} and fork lambda, ours, this method, {@link PoemConnection} and
     * {@code PoemWriter}, then the JDK's {@code Thread.sleep}.
     */
    private void handle(Socket client) {
        try {
            connection.serve(client, loop);
        } catch (InterruptedException e) {
            // only AcceptLoop.close() interrupts a connection: end quietly
        } catch (RuntimeException e) {
            log.error("{}: connection from {} failed unexpectedly", loop, client.getRemoteSocketAddress(), e);
        } finally {
            AcceptLoop.closeQuietly(client); // already closed by serve(), unless it failed unexpectedly
            active.decrementAndGet();
        }
    }
}
