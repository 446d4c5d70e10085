package org.slowpoetry.servers.proxy.loom;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.StructuredTaskScope.Subtask;
import org.slowpoetry.fetch.PoemResult;
import org.slowpoetry.proxy.Request;
import org.slowpoetry.proxy.Ticket;
import org.slowpoetry.servers.proxy.ProxyService;

/**
 * One client of the Loom proxy, and the Loom twin of proxy 3.0's cancel on disconnect (Part 19).
 * Plain blocking code cannot hear a client hang up while it waits for the poem, so a sibling
 * subtask listens for it: the first of the two to finish shuts the scope down, which interrupts
 * the other.
 *
 * {@snippet :
 * try (var scope = StructuredTaskScope.open(Joiner.allUntil(first -> true))) {  // first one done ends it
 *     scope.fork(() -> deliver(client));     // the poem: cached, or wait for the download, then write it
 *     scope.fork(() -> awaitHangUp(client)); // read until end of stream: the client has gone
 *     scope.join();
 * }                                          // the other subtask was interrupted and has ended
 * }
 *
 * If the client hangs up first, {@code deliver} is interrupted while it waits for its
 * {@link Ticket}, and gives the ticket back; if nobody else waits for that download, the cache
 * cancels it, which interrupts the upstream fetch and closes its connection
 * ({@code Canceling poem download.}). If the poem comes first, the watcher is interrupted instead.
 * Where Twisted's proxy needs a saved Deferred, a canceller and a {@code connectionLost} hook, the
 * scope's cancellation does it: an interrupt travels down to whatever the other subtask is blocked
 * in.
 *
 * <p>A client that sends bytes is not gone: they are read and ignored. A client that half-closes
 * (sends its end of stream while still reading) counts as gone, as it does for Twisted's protocol.
 *
 * <p><b>Threading:</b> {@link #serve} runs on the client's virtual thread, which owns the scope;
 * the two subtasks share the socket, one reading, the other writing.
 */
public final class ProxyConnection {

    /** How a connection ended. */
    public enum Ending {
        /** The poem was written. */
        SENT,
        /** The download failed: the client is closed without a poem. */
        NO_POEM,
        /** The client hung up (or broke the connection) first, or took none of the poem for the write timeout. */
        CLIENT_LEFT
    }

    private final ProxyService service;

    public ProxyConnection(ProxyService service) {
        this.service = service;
    }

    /**
     * Serves {@code client} and closes it; the poem goes out through {@code out}, the client's
     * output with its writes bounded by the server's write timeout.
     *
     * @throws InterruptedException if the server is closing (the scope then ends both subtasks)
     */
    public Ending serve(Socket client, OutputStream out) throws InterruptedException {
        try (client; out; var scope = StructuredTaskScope.open(Joiner.<Ending>allUntil(first -> true))) {
            Subtask<Ending> delivery = scope.fork(() -> deliver(out));
            Subtask<Ending> watcher = scope.fork(() -> awaitHangUp(client));
            scope.join();
            return switch (delivery.state()) {
                case SUCCESS -> delivery.get();
                case FAILED -> throw new IllegalStateException("delivering the poem failed", delivery.exception());
                case UNAVAILABLE -> watcher.get(); // the watcher finished first
            };
        } catch (IOException e) {
            return Ending.CLIENT_LEFT; // closing a client that broke the connection
        }
    }

    private Ending deliver(OutputStream out) throws InterruptedException {
        Optional<ByteBuffer> poem = switch (service.request()) {
            case Request.Cached(ByteBuffer cached) -> Optional.of(cached);
            case Request.Fetching(Ticket ticket) -> await(ticket);
            case Request.Joined(Ticket ticket) -> await(ticket);
        };
        if (poem.isEmpty()) {
            return Ending.NO_POEM;
        }
        ByteBuffer bytes = poem.get();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        try {
            out.write(copy);
            return Ending.SENT;
        } catch (IOException e) {
            return Ending.CLIENT_LEFT; // a reset, or a client that stopped reading (WriteTimeoutException)
        }
    }

    /** The poem when {@code ticket}'s download brings one; the ticket is given back however this ends. */
    private static Optional<ByteBuffer> await(Ticket ticket) throws InterruptedException {
        try {
            return switch (ticket.await()) {
                case PoemResult.Poem(byte[] poem) -> Optional.of(ByteBuffer.wrap(poem));
                case PoemResult.Failed failed -> Optional.empty(); // the service has reported it
            };
        } finally {
            ticket.withdraw(); // nothing once the download has ended; else it may cancel it
        }
    }

    private static Ending awaitHangUp(Socket client) {
        byte[] ignored = new byte[256];
        try {
            InputStream in = client.getInputStream();
            while (in.read(ignored) != -1) {
                // a client has nothing to say to a poetry server; keep listening for the end
            }
        } catch (IOException e) {
            // a reset, or the scope closing the socket by interrupting this thread: gone either way
        }
        return Ending.CLIENT_LEFT;
    }
}
