package org.slowpoetry.servers.erlang;

import java.net.Socket;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.loom.Down;
import org.slowpoetry.loom.ExitReason;
import org.slowpoetry.loom.Mailbox;
import org.slowpoetry.loom.MonitorRef;
import org.slowpoetry.loom.Monitored;
import org.slowpoetry.loom.ProcessBody;
import org.slowpoetry.loom.ProcessScope;
import org.slowpoetry.net.AcceptLoop;
import org.slowpoetry.servers.ServerEvents;

/**
 * The body of the {@code connections} process of {@code --impl erlang}: it receives each client
 * the acceptor hands over ({@link Accepted}), spawns a monitored process to serve it
 * ({@code spawn_monitor}), and hears each one go {@link Down}. It is the only one that knows how
 * many connections are live, so it alone enforces {@code --max-connections}, from its own count,
 * with no shared counter. A connection process that crashes takes nobody with it: its
 * {@code Down} arrives here like any other, and is reported as one log line naming the peer and
 * the reason, and as {@link ServerEvents#crashed}.
 *
 * {@snippet :
 * while (true) {
 *     switch (inbox.receive()) {
 *         case Accepted(Socket client) -> admit(client);   // spawn_monitor, or refuse when full
 *         case Down down -> ended(down);                   // count it; a crash is reported
 *         ...
 *     }
 * }
 * }
 *
 * <p>The connection processes belong to a {@link ProcessScope} this process opens and closes: they
 * die with it, as Erlang processes linked to their parent do. So when the supervisor stops (or
 * restarts) this process, every connection it started has ended before it has, and a restarted
 * one starts with a true count of zero.
 *
 * <p><b>Threading:</b> {@link #run} runs on the process's own virtual thread; every field is that
 * thread's alone. Other processes reach it only by sending to its inbox.
 */
final class ConnectionsProcess {

    /*
     * Implementation overview.
     *
     * The inbox is the server's, not the process's own mailbox: the acceptor sends to it without
     * knowing which incarnation of this process is current, and clients sent while one incarnation
     * is being replaced wait there for the next. A Down left over from an earlier incarnation's
     * connections names a ref this one never made and is ignored.
     */

    private static final Logger log = LoggerFactory.getLogger(ConnectionsProcess.class);

    /**
     * The acceptor's message: a client to serve, its socket options set. Whoever receives it owns
     * the socket.
     *
     * <p><b>Threading:</b> an immutable value, handed from the acceptor to this process.
     *
     * @param client the accepted connection
     */
    record Accepted(Socket client) {
        Accepted {
            Objects.requireNonNull(client, "client");
        }
    }

    private final String name;
    private final Object server;
    private final ServerEvents events;
    private final int maxConnections;
    private final Function<Socket, ProcessBody<Object>> connection;
    /** Live connection processes by monitor, with the peer each serves. This process's thread only. */
    private final Map<MonitorRef, SocketAddress> live = new HashMap<>();
    /** Clients admitted so far, to number the processes. This process's thread only. */
    private int admitted;

    /**
     * @param name           the server's name: the scope is {@code NAME/connections}, the
     *                       processes {@code NAME/connection-N}
     * @param server         names the server in log lines
     * @param events         where refusals and crashes are reported
     * @param maxConnections connections served at once, 0 for no limit
     * @param connection     the body of the process that serves one client (it owns the socket)
     */
    ConnectionsProcess(String name, Object server, ServerEvents events, int maxConnections,
            Function<Socket, ProcessBody<Object>> connection) {
        this.name = name;
        this.server = server;
        this.events = events;
        this.maxConnections = maxConnections;
        this.connection = connection;
    }

    /**
     * Serves what arrives in {@code inbox} until the process is asked to exit; then ends every
     * connection process it started and waits for each.
     */
    void run(Mailbox<Object> inbox) throws InterruptedException {
        try (var connections = ProcessScope.open(name + "/connections")) {
            while (true) {
                switch (inbox.receive()) {
                    case Accepted(Socket client) -> admit(connections, inbox, client);
                    case Down down -> ended(down);
                    case Object other -> throw new IllegalStateException("unexpected message: " + other);
                }
            }
        } // an exit interrupted receive(): every connection process has ended here
    }

    private void admit(ProcessScope connections, Mailbox<Object> inbox, Socket client) {
        SocketAddress peer = client.getRemoteSocketAddress();
        if (maxConnections > 0 && live.size() >= maxConnections) {
            AcceptLoop.closeQuietly(client);
            events.refused(peer);
            return;
        }
        Monitored<Object> process;
        try {
            process = connections.spawnMonitor(inbox, name + "/connection-" + ++admitted, connection.apply(client));
        } catch (RuntimeException | Error e) {
            AcceptLoop.closeQuietly(client); // no process owns it
            throw e;
        }
        live.put(process.ref(), peer);
    }

    private void ended(Down down) {
        SocketAddress peer = live.remove(down.ref());
        if (peer == null) {
            return; // a connection of an earlier incarnation of this process
        }
        switch (down.reason()) {
            case ExitReason.Failed(Throwable cause) -> {
                log.error("{}: process {} serving {} crashed", server, down.pid(), peer, cause);
                events.crashed(peer, cause);
            }
            case ExitReason.Normal normal -> log.trace("{}: process {} served {}", server, down.pid(), peer);
            case ExitReason.Killed(String why) -> log.trace("{}: process {} serving {} was ended: {}", server,
                    down.pid(), peer, why);
        }
    }
}
