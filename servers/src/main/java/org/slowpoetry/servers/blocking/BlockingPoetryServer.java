package org.slowpoetry.servers.blocking;

import java.io.IOException;
import org.slowpoetry.net.AcceptLoop;
import org.slowpoetry.servers.PoemConnection;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;

/**
 * The blocking poetry server: an {@link AcceptLoop} on one platform thread that serves each client
 * inline: it accepts a client, writes it the whole poem ({@code numBytes} every {@code delay} for a
 * slow server, all at once for a fast one), closes it, and only then accepts the next.
 *
 * {@snippet :
 * while (true) {
 *     Socket client = listener.accept();   // the next client in the backlog
 *     connection.serve(client, loop);      // the whole poem, on this same thread
 * }
 * }
 *
 * <p><b>Threading:</b> {@link #start} runs on the caller's thread; the server's one serving thread
 * is {@code blocking-server-PORT-acceptor}, and {@code blocking-server-PORT-write-watchdog} bounds
 * its writes (see {@link AcceptLoop}).
 */
final class BlockingPoetryServer {

    /* Implementation overview
     *
     * While one client is served, the kernel completes the TCP handshake of the others and queues
     * them in the listen backlog; they are connected but read nothing until accept() picks them.
     * That queue is the lesson of Part 2: a blocking server is as slow as its slowest client, times
     * the number of clients. A client that never reads would stop it for everyone, for ever: the
     * write timeout closes it, so it delays the others by that long at most. Everything else
     * (binding, stopping, accept errors, the write timeout) is the AcceptLoop's.
     */

    /** How many connecting clients the kernel queues while one is being served (Java's default). */
    static final int BACKLOG = 50;

    private BlockingPoetryServer() {
    }

    /** Binds, reports {@code listening}, starts the serving thread; see {@link AcceptLoop#start}. */
    static PoetryServer start(ServerConfig config) throws IOException {
        var connection = new PoemConnection(config);
        return PoetryServer.of(AcceptLoop.start(config.listen(), new AcceptLoop.Setup("blocking", BACKLOG, false),
                loop -> client -> connection.serve(client, loop)));
    }
}
