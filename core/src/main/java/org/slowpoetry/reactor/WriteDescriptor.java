package org.slowpoetry.reactor;

import java.io.IOException;
import java.util.Optional;

/**
 * A {@link Descriptor} the reactor tells when its channel can be written to: Twisted's
 * {@code IWriteDescriptor}. For a socket channel whose connect is in progress, "writable" means
 * the connect has finished, as it does for {@code select(2)}: NIO calls that {@code OP_CONNECT},
 * and the reactor asks for it instead of {@code OP_WRITE} while the connect is pending.
 *
 * <p><b>Threading:</b> the reactor calls {@link #doWrite} on its thread.
 */
public interface WriteDescriptor extends Descriptor {

    /**
     * The channel is ready: write what can be written without blocking, and return. Remove the
     * descriptor with {@link Reactor#removeWriter} when there is nothing left to write, or the
     * reactor will keep calling.
     *
     * @return empty to go on; a reason to have the reactor close the channel and call
     *     {@link #connectionLost} with it
     * @throws IOException (or any exception) to have the reactor close the channel and call
     *     {@link #connectionLost} with a {@link ConnectionLost} of it
     */
    Optional<ConnectionClosed> doWrite() throws IOException;
}
