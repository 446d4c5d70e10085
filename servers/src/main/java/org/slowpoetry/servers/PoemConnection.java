package org.slowpoetry.servers;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.function.BooleanSupplier;
import org.slowpoetry.net.AcceptLoop;
import org.slowpoetry.net.WriteWatchdog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a thread-per-connection server does for one client, written as plain blocking code: report
 * it, write it the poem ({@link PoemWriter}: {@code numBytes} every {@code delay}, or all at once),
 * close it, and report how it ended. A client that takes none of the poem for the write timeout
 * is closed by the server's {@link WriteWatchdog} and reported dropped, so it holds up no one. The blocking server runs this on its one accepting thread, one
 * client after another; the loom server runs it on a virtual thread per client, thousands at once.
 * Only who calls it, and how many at once, differ: that is Part 20's point.
 *
 * <p>Compare the reactor servers, which split this loop into callbacks driven by timers. Here the
 * loop stays a loop; a virtual thread blocked in {@code write} or {@code sleep} releases its carrier.
 *
 * <p><b>Threading:</b> immutable; {@link #serve} may run on many threads at once, each with its own
 * client. It responds to interrupts: a sleep between sends throws {@link InterruptedException}, and
 * a socket write on a virtual thread closes the socket and fails.
 */
public final class PoemConnection {

    private static final Logger LOG = LoggerFactory.getLogger(PoemConnection.class);

    private final ServerEvents events;
    /** Writes the poem; immutable. */
    private final PoemWriter writer;

    public PoemConnection(ServerConfig config) {
        this.events = config.events();
        this.writer = new PoemWriter(config);
    }

    /**
     * Sends the poem to {@code client} and closes it, reporting {@code connected}, then
     * {@code finished}, or {@code dropped} if the client went away (not when {@code server} was
     * closed under it: that is not the client's doing).
     *
     * @throws InterruptedException if the thread is interrupted while waiting between sends (only
     *                              {@link AcceptLoop#close()} does that)
     */
    public void serve(Socket client, AcceptLoop server) throws InterruptedException {
        serve(client, server.output(client), server, server::serving);
    }

    /**
     * {@link #serve(Socket, AcceptLoop)} for a server that is no {@link AcceptLoop}: {@code out} is
     * the client's output, its writes bounded by the server's {@link WriteWatchdog};
     * {@code serving} says whether the server is still serving (false once it is closing, so a
     * connection it ends is not reported as dropped), and {@code server} names it in log lines.
     */
    public void serve(Socket client, OutputStream out, Object server, BooleanSupplier serving)
            throws InterruptedException {
        SocketAddress peer = client.getRemoteSocketAddress();
        try (client; out) {
            events.connected(peer);
            writer.write(out, peer);
        } catch (IOException e) {
            if (serving.getAsBoolean()) {
                LOG.debug("{}: lost {}: {}", server, peer, e.toString());
                events.dropped(peer, e);
            }
            return;
        }
        events.finished(peer);
    }
}
