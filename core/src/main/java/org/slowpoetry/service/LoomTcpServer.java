package org.slowpoetry.service;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.net.AcceptLoop;
import org.slowpoetry.net.ConnectionScope;
import org.slowpoetry.net.RunningServer;
import org.slowpoetry.reactor.CannotListenException;
import org.slowpoetry.time.MonotonicClock;

/**
 * A Loom service that listens on a TCP port while it runs: the twin of {@link ReactorTcpServer}
 * (Twisted's {@code internet.TCPServer}, Part 16). Each client is served by the
 * {@link ConnectionHandler} on a virtual thread of its own, forked into a structured scope that
 * the service owns; {@link #stop()} closes the listener, interrupts every connection, and returns
 * once every thread of the server has ended.
 *
 * {@snippet :
 * var poetry = new PoetryService(Path.of("poems/ecstasy.txt"));
 * var top = new LoomMultiService("fastpoetry");
 * top.add(LoomService.of("poetry", poetry));
 * top.add(new LoomTcpServer("tcp-10000", "localhost", 10000,
 *         (client, out) -> out.write(poetry.poem().bytes())));
 * top.start();   // loads the poem, then listens
 * }
 *
 * <p>Starting logs {@code NAME listening on HOST:PORT}, stopping {@code NAME stopped listening on
 * HOST:PORT} (at info; the address is the bound one). A failed {@code accept()} does not stop the
 * server: it pauses for a growing, bounded time on the clock and accepts again
 * ({@link org.slowpoetry.net.BoundListener}). A server of another kind that owns its threads the
 * same way (the Erlang-style process tree) runs as this service with {@link #of}.
 *
 * <p><b>Threads</b> are named {@code NAME-server-PORT-acceptor} and
 * {@code NAME-server-PORT-connection-N}.
 *
 * <p><b>Threading:</b> as {@link LoomService}; {@code stop()} on one of the server's own threads
 * (a handler stopping its own server) throws {@link WrongThreadException}. {@link #address()} is
 * safe from any thread once the service is running.
 */
public final class LoomTcpServer extends LoomService {

    /* Implementation overview
     *
     * The service is a thin owner of a RunningServer: the start step makes one (an AcceptLoop whose
     * strategy forks each client into a ConnectionScope, or whatever `of` was given), the stop step
     * closes it, and RunningServer's contract (close() ends every connection and joins every thread)
     * is what makes stop() complete. The service adds the names, the two log lines, and the rule
     * that a handler's failure ends its connection only.
     */

    private static final Logger LOG = LoggerFactory.getLogger(LoomTcpServer.class);

    /** Connecting clients the kernel may queue before accept() (capped by net.core.somaxconn). */
    static final int BACKLOG = 4096;

    /**
     * Makes and starts a server that is listening when it returns and owns its threads.
     *
     * <p><b>Threading:</b> called once, by the start step, on the thread calling {@code start()}.
     */
    @FunctionalInterface
    public interface Starter {
        /**
         * @throws IOException if it cannot listen; nothing may be left open
         */
        RunningServer start() throws IOException;
    }

    private final Starter starter;
    /** Written by the start step, read by any thread once RUNNING is seen (volatile). */
    private volatile RunningServer server;

    /**
     * Listens on {@code iface:port} with the system clock and the default write timeout
     * ({@link AcceptLoop.Listen#DEFAULT_WRITE_TIMEOUT}).
     *
     * @param iface the interface to listen on, a name or a literal address
     * @param port  the port, 0 for any free one
     * @throws IllegalArgumentException if the port is out of range
     */
    public LoomTcpServer(String name, String iface, int port, ConnectionHandler handler) {
        this(name, new AcceptLoop.Listen(iface, port, MonotonicClock.system(), false, name,
                AcceptLoop.Listen.DEFAULT_WRITE_TIMEOUT, address -> { }), handler);
    }

    /**
     * Listens as {@code listen} says: its clock paces the pauses after failed accepts,
     * {@code noDelay} gives every client {@code TCP_NODELAY} (for servers that send in small pieces),
     * and its write timeout bounds every write to a client.
     *
     * @throws IllegalArgumentException if the port is out of range
     */
    public LoomTcpServer(String name, AcceptLoop.Listen listen, ConnectionHandler handler) {
        this(name, listen.iface(), listen.port(), () -> AcceptLoop.start(listen,
                new AcceptLoop.Setup(name, BACKLOG, true), ConnectionScope.strategy("connection",
                        (client, out) -> serve(name, client, out, handler))));
        Objects.requireNonNull(handler, "handler");
    }

    private LoomTcpServer(String name, String iface, int port, Starter starter) {
        super(name);
        Objects.requireNonNull(iface, "iface");
        TcpServices.checkPort(port);
        Objects.requireNonNull(starter, "starter");
        this.starter = () -> {
            try {
                return Objects.requireNonNull(starter.start(), "the starter returned no server");
            } catch (IOException e) {
                throw CannotListenException.on(iface, port, e);
            }
        };
    }

    /**
     * A service that runs the server {@code starter} makes, which listens on {@code iface:port}:
     * started by the start step (a failure to listen said as {@code cannot listen on HOST:PORT:
     * reason}), closed by the stop step, logged as every TCP service is.
     *
     * @throws IllegalArgumentException if the port is out of range
     */
    public static LoomTcpServer of(String name, String iface, int port, Starter starter) {
        return new LoomTcpServer(name, iface, port, starter);
    }

    /**
     * The bound address: the real port when 0 was asked for.
     *
     * @throws IllegalStateException before the service has started
     */
    public InetSocketAddress address() {
        RunningServer s = server;
        if (s == null) {
            throw TcpServices.notListening(this);
        }
        return s.address();
    }

    @Override
    protected void onStart() throws IOException {
        RunningServer started = starter.start();
        server = started;
        LOG.info(TcpServices.listening(name(), started.address()));
    }

    @Override
    protected void onStop() {
        server.close();
        LOG.info(TcpServices.stoppedListening(name(), server.address()));
    }

    @Override
    protected boolean ownsCurrentThread() {
        RunningServer s = server;
        return s != null && s.isOwnThread();
    }

    /** One connection, on its own thread: the handler, then the socket closed, whatever happened. */
    private static void serve(String name, Socket client, OutputStream out, ConnectionHandler handler) {
        SocketAddress peer = client.getRemoteSocketAddress();
        try (client; out) {
            handler.serve(client, out);
        } catch (InterruptedException e) {
            // only stop() interrupts a connection: end quietly
        } catch (IOException e) {
            LOG.debug("{}: the connection from {} ended: {}", name, peer, e.toString());
        } catch (RuntimeException | Error e) {
            // the scope would keep this to itself: say it, and end this connection only
            LOG.error("{}: serving {} failed unexpectedly", name, peer, e);
        }
    }
}
