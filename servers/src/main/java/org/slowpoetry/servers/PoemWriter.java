package org.slowpoetry.servers;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketAddress;

/**
 * Writes the poem to one client with plain blocking {@link OutputStream} writes: all at once for a
 * fast server, {@code numBytes} every {@code delay} for a slow one, reporting each send. With
 * {@code --netstrings} the poem's netstring is what is written, and paced ({@link ServerConfig#wire()}). The
 * blocking server (one platform thread, one client at a time) and the Loom server (a virtual
 * thread per client) run this same code; only who calls it, and how many at once, differ. That is
 * Part 20's point in one class.
 *
 * <p><b>Threading:</b> immutable after construction; {@link #write} may run on many threads at
 * once, each with its own stream. It blocks the calling thread while it writes and waits: on a
 * virtual thread that parks the virtual thread and frees its carrier.
 */
public final class PoemWriter {
    private final ServerConfig config;
    /** The poem as it goes on the wire (framed, if asked): immutable, written without copying it. */
    private final Poem wire;

    public PoemWriter(ServerConfig config) {
        this.config = config;
        this.wire = config.wire();
    }

    /**
     * Writes the whole poem to {@code out}, the way {@code config.kind()} says.
     *
     * @throws IOException if the client goes away (or the socket is closed under us)
     * @throws InterruptedException if the thread is interrupted while waiting between sends
     */
    public void write(OutputStream out, SocketAddress peer) throws IOException, InterruptedException {
        switch (config.kind()) {
            case SLOW -> writeSlowly(out, peer);
            case FAST -> wire.writeTo(out, 0, wire.size());
        }
    }

    /** {@code numBytes} at a time, waiting {@code delay} on the clock between sends (not after the last). */
    private void writeSlowly(OutputStream out, SocketAddress peer) throws IOException, InterruptedException {
        int step = config.numBytes();
        for (int at = 0; at < wire.size(); at += step) {
            if (at > 0) {
                config.clock().sleep(config.delay());
            }
            int n = Math.min(step, wire.size() - at);
            wire.writeTo(out, at, n);
            config.events().sent(peer, n);
        }
    }
}
