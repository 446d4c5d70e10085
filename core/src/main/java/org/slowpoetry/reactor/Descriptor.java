package org.slowpoetry.reactor;

import java.nio.channels.SelectableChannel;

/**
 * Something with a channel the reactor can watch: Twisted's {@code IFileDescriptor}. This is the
 * low-level API of Part 4, on which the reactor builds its own transports; most code uses
 * {@link Protocol}s and {@link Reactor#connectTCP}/{@link Reactor#listenTCP} instead.
 *
 * <p>Readers and writers come in {@link ReadDescriptor} and {@link WriteDescriptor}; one object is
 * usually both. Register them with {@link Reactor#addReader} and {@link Reactor#addWriter}.
 *
 * <p><b>Threading:</b> the reactor calls every method on its thread.
 */
public interface Descriptor {

    /**
     * The channel to watch, the same every time. {@link Reactor#addReader} and
     * {@link Reactor#addWriter} put it in non-blocking mode.
     */
    SelectableChannel channel();

    /**
     * The reactor has closed {@link #channel()} and forgotten this descriptor: because
     * {@code doRead}/{@code doWrite} returned a reason or threw, or because the reactor stopped.
     * Called once per disconnect; an exception thrown here is logged.
     */
    void connectionLost(ConnectionClosed reason);
}
