package org.slowpoetry.servers.loom;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.loom.TaskContext;
import org.slowpoetry.servers.PoemWriter;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerEvents;
import org.slowpoetry.servers.ServerKind;

/**
 * What a loom server does for one client, written as plain blocking code: the whole point of the
 * Loom style. A slow server writes {@code numBytes}, sleeps {@code delay} on the config's clock,
 * writes again, and so on ({@link PoemWriter}, shared with the blocking server); a fast server
 * writes the whole poem. Then the socket is closed.
 *
 * <p>Compare Part 2's blocking server, which does the same thing but for one client at a time, and
 * the reactor servers, which split this loop into callbacks driven by timers. Here the loop stays
 * a loop; what lets thousands of them run at once is that each runs on its own virtual thread,
 * and {@code write} and {@code sleep} release the carrier thread while they wait.
 *
 * <p><b>Threading:</b> immutable; {@link #serve} runs on the client's own virtual thread, with
 * {@link TaskContext#CURRENT} bound to the connection. It responds to interrupts: a sleep throws
 * {@link InterruptedException}, and a socket write on a virtual thread closes the socket and
 * throws {@link java.net.SocketException}.
 */
final class PoemConnection {

    private static final Logger log = LoggerFactory.getLogger(PoemConnection.class);

    private final ServerConfig config;
    private final ServerEvents events;
    /** The same blocking write loop the blocking server runs; immutable. */
    private final PoemWriter writer;

    PoemConnection(ServerConfig config) {
        this.config = config;
        this.events = config.events();
        this.writer = new PoemWriter(config);
    }

    /**
     * Sends the poem to {@code client} and closes it.
     *
     * @throws IOException if the client goes away (or the socket is closed under us)
     * @throws InterruptedException if the thread is interrupted while waiting between sends
     */
    void serve(Socket client, SocketAddress peer) throws IOException, InterruptedException {
        try (client) {
            events.connected(peer);
            if (config.kind() == ServerKind.SLOW) {
                client.setTcpNoDelay(true); // each small send goes out now, not when Nagle allows
            }
            writer.write(client.getOutputStream(), peer);
            // TaskContext travels in a ScopedValue: no parameter had to carry it down here.
            log.trace("{}: served {}", TaskContext.current(), TaskContext.current().peer());
        }
    }
}
