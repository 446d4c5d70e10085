package org.slowpoetry.servers.loom;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.loom.TaskContext;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerEvents;

/**
 * What a loom server does for one client, written as plain blocking code: the whole point of the
 * Loom style. A slow server writes {@code numBytes}, sleeps {@code delay} on the config's clock,
 * writes again, and so on; a fast server writes the whole poem. Then the socket is closed.
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
    /** The poem, copied once per server; never written after construction. */
    private final byte[] poem;

    PoemConnection(ServerConfig config) {
        this.config = config;
        this.events = config.events();
        this.poem = config.poem().bytes();
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
            OutputStream out = client.getOutputStream();
            switch (config.kind()) {
                case SLOW -> {
                    client.setTcpNoDelay(true); // each small send goes out now, not when Nagle allows
                    sendSlowly(out, peer);
                }
                case FAST -> out.write(poem);
            }
        }
    }

    /** {@code numBytes} at a time, waiting {@code delay} on the clock between sends (not after the last). */
    private void sendSlowly(OutputStream out, SocketAddress peer) throws IOException, InterruptedException {
        int step = config.numBytes();
        for (int at = 0; at < poem.length; at += step) {
            if (at > 0) {
                config.clock().sleep(config.delay());
            }
            int n = Math.min(step, poem.length - at);
            out.write(poem, at, n);
            events.sent(peer, n);
            if (log.isTraceEnabled()) {
                // TaskContext travels in a ScopedValue: no parameter had to carry it down here.
                log.trace("{}: sent {} bytes to {}", TaskContext.current(), n, TaskContext.current().peer());
            }
        }
    }
}
