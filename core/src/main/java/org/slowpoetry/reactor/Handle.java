package org.slowpoetry.reactor;

import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The attachment of a channel's {@link SelectionKey}: who reads it, who writes it, and who owns it.
 * A channel has one key per selector, so a reader and a writer that are different objects share
 * one handle.
 *
 * <p><b>Threading:</b> loop thread only.
 */
final class Handle {
    /** Told when the channel is readable (or acceptable); null when not reading. Loop thread. */
    ReadDescriptor reader;
    /** Told when the channel is writable (or connected); null when not writing. Loop thread. */
    WriteDescriptor writer;
    /**
     * The descriptor that owns the channel, told when the reactor closes it even while it neither
     * reads nor writes (a connection that paused reading). Loop thread.
     */
    Descriptor owner;
    /** The interest bit for reading: OP_READ, or OP_ACCEPT for a server channel. */
    int readOp;
    /** The interest bit for writing: OP_WRITE, or OP_CONNECT while a connect is pending. */
    int writeOp;

    int interestOps() {
        return (reader == null ? 0 : readOp) | (writer == null ? 0 : writeOp);
    }

    /** The distinct descriptors involved, owner first. */
    List<Descriptor> descriptors() {
        var all = new ArrayList<Descriptor>(3);
        for (Descriptor d : new Descriptor[] {owner, reader, writer}) {
            if (d != null && all.stream().noneMatch(known -> known == d)) { // identity, not equals
                all.add(d);
            }
        }
        return all;
    }
}
