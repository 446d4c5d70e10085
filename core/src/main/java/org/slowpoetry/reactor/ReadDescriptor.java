package org.slowpoetry.reactor;

import java.io.IOException;
import java.util.Optional;

/**
 * A {@link Descriptor} the reactor tells when its channel can be read (or, for a server channel,
 * accepted from): Twisted's {@code IReadDescriptor}.
 *
 * {@snippet :
 * @Override
 * public Optional<ConnectionClosed> doRead() throws IOException {
 *     buffer.clear();
 *     int n = channel.read(buffer);
 *     if (n < 0) {
 *         return Optional.of(new ConnectionDone());   // the reactor closes us and calls connectionLost
 *     }
 *     poem.append(decode(buffer.flip()));
 *     return Optional.empty();                        // keep reading
 * }
 * }
 *
 * <p><b>Threading:</b> the reactor calls {@link #doRead} on its thread.
 */
public interface ReadDescriptor extends Descriptor {

    /**
     * The channel is ready: read what can be read without blocking, and return. Twisted's doRead
     * returns a "special value" to say the connection is over; ours returns it as a reason.
     *
     * @return empty to go on; a reason to have the reactor close the channel and call
     *     {@link #connectionLost} with it
     * @throws IOException (or any exception) to have the reactor close the channel and call
     *     {@link #connectionLost} with a {@link ConnectionLost} of it
     */
    Optional<ConnectionClosed> doRead() throws IOException;
}
