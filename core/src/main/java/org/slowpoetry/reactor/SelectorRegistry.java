package org.slowpoetry.reactor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Reactor}'s channels: which descriptor reads, writes and owns each registered channel,
 * the interest ops that follow from that, and the dispatch of ready keys to
 * {@link ReadDescriptor#doRead} and {@link WriteDescriptor#doWrite} (the machinery under Twisted's
 * {@code IReactorFDSet}, Part 4). It also lends the descriptors the reactor's I/O scratch space: one
 * read buffer and one array for gathering writes.
 *
 * <p><b>Threading:</b> loop thread only (the reactor's {@link Reactor#inEventLoop()}); the reactor
 * checks its public callers, and the methods here assert it.
 */
final class SelectorRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SelectorRegistry.class);

    /* Implementation overview
     *
     * The selector's key set is the registry of channels: each key's attachment is a Handle naming
     * the reader, the writer and the owner. There is no second map to keep in step with it. When
     * the reactor stops, every key still holding an owner is disconnected with
     * ConnectionLost(ReactorStoppedException), so no channel outlives the reactor.
     *
     * Dispatch uses select(Consumer), which hands each ready key over without the selected-key set
     * and its iterator (Netty swaps in an array by reflection for the same). A key whose reader
     * disconnected is not offered to its writer.
     *
     * The read path uses one direct buffer per reactor (no allocation per read but the read-only
     * view handed to the protocol); gathering writes use one scratch array per reactor. Both are
     * safe to share because only the loop thread uses them and never re-entrantly.
     */

    /** Size of the reactor's one read buffer: the most a single dataReceived delivers. */
    static final int READ_BUFFER_SIZE = 64 * 1024;
    /** At most this many buffers go into one gathering write. */
    static final int MAX_GATHER = 64;

    private final Reactor reactor;
    private final Selector selector;
    /** The one read buffer; loop thread only. */
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);
    /** A {@link #beforeFirstEvent} that does nothing, and the mark that it has run. */
    private static final Runnable NOTHING = () -> { };
    /** What {@link #select} runs before its first dispatch; set and reset by it; loop thread only. */
    private Runnable beforeFirstEvent = NOTHING;
    /** Scratch array for gathering writes, always cleared after use; loop thread only. */
    private final ByteBuffer[] gather = new ByteBuffer[MAX_GATHER];

    SelectorRegistry(Reactor reactor, Selector selector) {
        this.reactor = reactor;
        this.selector = selector;
    }

    // ---------------------------------------------------------------- for Reactor's public methods

    /** {@link Reactor#addReader}: registers the channel on first use and starts reading. */
    void addReader(ReadDescriptor reader) {
        register(reader);
        interest(reader, true, true);
    }

    /** {@link Reactor#addWriter}: registers the channel on first use and starts writing. */
    void addWriter(WriteDescriptor writer) {
        register(writer);
        interest(writer, false, true);
    }

    /** {@link Reactor#removeAll}: every reader and writer, removed; their channels stay open. */
    List<Descriptor> removeAll() {
        assert reactor.inEventLoop();
        var removed = new ArrayList<Descriptor>();
        for (SelectionKey key : liveKeys()) {
            Handle handle = (Handle) key.attachment();
            for (Descriptor d : new Descriptor[] {handle.reader, handle.writer}) {
                if (d != null && removed.stream().noneMatch(known -> known == d)) {
                    removed.add(d);
                }
            }
            handle.reader = null;
            handle.writer = null;
            key.interestOps(0);
        }
        return removed;
    }

    /** The descriptors being read. */
    List<ReadDescriptor> readers() {
        assert reactor.inEventLoop();
        return liveKeys().stream().map(k -> ((Handle) k.attachment()).reader)
                .filter(Objects::nonNull).toList();
    }

    /** The descriptors being written. */
    List<WriteDescriptor> writers() {
        assert reactor.inEventLoop();
        return liveKeys().stream().map(k -> ((Handle) k.attachment()).writer)
                .filter(Objects::nonNull).toList();
    }

    /** The owners of the registered channels that are {@code type}s (listening ports, connections). */
    <T> List<T> owners(Class<T> type) {
        assert reactor.inEventLoop();
        return liveKeys().stream().map(k -> ((Handle) k.attachment()).owner)
                .filter(type::isInstance).map(type::cast).toList();
    }

    // ---------------------------------------------------------------- for the TCP classes

    /**
     * Starts ({@code on}) or stops reading ({@code read}) or writing with {@code d}, whose channel
     * must be registered: the internal form of add/remove reader/writer, usable while stopping.
     *
     * @return whether {@code d} now has that interest (false if its channel is closed or forgotten)
     */
    boolean interest(Descriptor d, boolean read, boolean on) {
        assert reactor.inEventLoop();
        SelectionKey key = validKey(d);
        if (key == null || !(key.attachment() instanceof Handle handle)) {
            return false;
        }
        if (read) {
            if (on) {
                handle.readOp = (key.channel().validOps() & SelectionKey.OP_ACCEPT) != 0
                        ? SelectionKey.OP_ACCEPT : SelectionKey.OP_READ;
                requireValidOp(key, handle.readOp, d);
                handle.reader = (ReadDescriptor) d;
            } else if (handle.reader == d) {
                handle.reader = null;
            }
        } else {
            if (on) {
                handle.writeOp = key.channel() instanceof SocketChannel socket && socket.isConnectionPending()
                        ? SelectionKey.OP_CONNECT : SelectionKey.OP_WRITE;
                requireValidOp(key, handle.writeOp, d);
                handle.writer = (WriteDescriptor) d;
            } else if (handle.writer == d) {
                handle.writer = null;
            }
        }
        key.interestOps(handle.interestOps());
        return on;
    }

    /** The provider to open channels from: the selector's own. */
    SelectorProvider provider() {
        return selector.provider();
    }

    /** The reactor's one read buffer, cleared. Loop thread only; valid until the next read. */
    ByteBuffer readBuffer() {
        assert reactor.inEventLoop();
        return readBuffer.clear();
    }

    /** The reactor's scratch array for gathering writes; the caller nulls out what it used. */
    ByteBuffer[] gatherArray() {
        assert reactor.inEventLoop();
        return gather;
    }

    /**
     * Registers {@code owner}'s channel (with no interest yet) and makes {@code owner} the
     * descriptor told when the reactor closes it: a connector hands its channel to the connection.
     *
     * @throws ReactorStoppedException if the reactor has stopped
     */
    void adopt(Descriptor owner) {
        assert reactor.inEventLoop();
        // Allowed while STOPPING: stop() may have been called earlier in this select round, and a
        // connection accepted after it must still be registered so that the teardown closes it.
        if (reactor.state() == ReactorState.STOPPED) {
            throw new ReactorStoppedException("cannot register a channel: the reactor has stopped");
        }
        ((Handle) register(owner).attachment()).owner = owner;
    }

    /**
     * Closes {@code d}'s channel, forgets it, and tells every descriptor of it (owner, reader,
     * writer) {@code connectionLost(reason)}. Loop thread only, and never from inside a callback
     * of one of those descriptors' protocols (defer with {@link Reactor#callSoon}).
     */
    void disconnect(Descriptor d, ConnectionClosed reason) {
        assert reactor.inEventLoop();
        SelectableChannel channel = d.channel();
        SelectionKey key = selector.isOpen() ? channel.keyFor(selector) : null;
        List<Descriptor> told = new ArrayList<>();
        if (key != null && key.attachment() instanceof Handle handle) {
            told.addAll(handle.descriptors());
            handle.owner = null;
            handle.reader = null;
            handle.writer = null;
            key.cancel();
        }
        if (told.stream().noneMatch(known -> known == d)) {
            told.addFirst(d);
        }
        closeQuietly(channel);
        for (Descriptor each : told) {
            reactor.runSafely(() -> each.connectionLost(reason));
        }
    }

    // ---------------------------------------------------------------- for the loop

    /**
     * Waits for ready channels and dispatches each to its descriptors.
     *
     * @param timeoutMillis    -1: until woken; 0: do not block; otherwise at most that many milliseconds
     * @param beforeFirstEvent run once, when the wait is over and the first ready channel is about
     *                         to be dispatched (the loop's timing of its work starts there)
     * @return whether any channel was dispatched (and so {@code beforeFirstEvent} run)
     */
    boolean select(long timeoutMillis, Runnable beforeFirstEvent) throws IOException {
        this.beforeFirstEvent = beforeFirstEvent;
        try {
            if (timeoutMillis == 0) {
                selector.selectNow(this::dispatch);
            } else if (timeoutMillis < 0) {
                selector.select(this::dispatch);
            } else {
                selector.select(this::dispatch, timeoutMillis);
            }
            return this.beforeFirstEvent == NOTHING;
        } finally {
            this.beforeFirstEvent = NOTHING;
        }
    }

    /** Disconnects every channel that still has a descriptor, with {@code reason}: the teardown. */
    void disconnectAll(ConnectionClosed reason) {
        for (SelectionKey key : liveKeys()) {
            Handle handle = (Handle) key.attachment();
            if (handle.owner != null || handle.reader != null || handle.writer != null) {
                disconnect(handle.descriptors().getFirst(), reason);
            }
        }
    }

    /** Closes the selector, which deregisters every channel, so the closed ones release their fds. */
    void close() {
        closeQuietly(selector);
    }

    private void dispatch(SelectionKey key) {
        Runnable first = beforeFirstEvent;
        if (first != NOTHING) {
            beforeFirstEvent = NOTHING;
            first.run();
        }
        if (!key.isValid() || !(key.attachment() instanceof Handle handle)) {
            return;
        }
        int ready = key.readyOps();
        if ((ready & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0 && handle.reader != null) {
            ReadDescriptor reader = handle.reader;
            Optional<ConnectionClosed> result = perform(reader, true);
            if (result.isPresent()) {
                disconnect(reader, result.get());
                return;
            }
        }
        if (key.isValid() && (ready & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0
                && handle.writer != null) {
            WriteDescriptor writer = handle.writer;
            perform(writer, false).ifPresent(reason -> disconnect(writer, reason));
        }
    }

    private Optional<ConnectionClosed> perform(Descriptor d, boolean read) {
        try {
            Optional<ConnectionClosed> result =
                    read ? ((ReadDescriptor) d).doRead() : ((WriteDescriptor) d).doWrite();
            return result == null ? Optional.empty() : result;
        } catch (IOException e) {
            LOG.debug("{} of {} failed: {}", read ? "doRead" : "doWrite", d, e.toString());
            return Optional.of(new ConnectionLost(e));
        } catch (Throwable t) {
            LOG.error("Unhandled error in {} of {}; disconnecting it", read ? "doRead" : "doWrite", d, t);
            return Optional.of(new ConnectionLost(t));
        }
    }

    /** The valid keys that carry a Handle, as a copy (callers may cancel keys). */
    private List<SelectionKey> liveKeys() {
        if (!selector.isOpen()) {
            return List.of();
        }
        return selector.keys().stream()
                .filter(k -> k.isValid() && k.attachment() instanceof Handle)
                .toList();
    }

    private SelectionKey validKey(Descriptor d) {
        if (!selector.isOpen()) {
            return null;
        }
        SelectionKey key = d.channel().keyFor(selector);
        return key != null && key.isValid() ? key : null;
    }

    private SelectionKey register(Descriptor d) {
        SelectableChannel channel = Objects.requireNonNull(d.channel(), "channel() of " + d);
        SelectionKey key = validKey(d);
        if (key != null) {
            return key;
        }
        if (!channel.isOpen()) {
            throw new IllegalArgumentException("the channel of " + d + " is closed");
        }
        try {
            channel.configureBlocking(false);
            var handle = new Handle();
            handle.owner = d;
            return channel.register(selector, 0, handle);
        } catch (ClosedChannelException e) {
            throw new IllegalArgumentException("the channel of " + d + " is closed", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the channel of " + d + " non-blocking", e);
        }
    }

    private static void requireValidOp(SelectionKey key, int op, Descriptor d) {
        if ((key.channel().validOps() & op) == 0) {
            throw new IllegalArgumentException("the channel of " + d + " does not support "
                    + (op == SelectionKey.OP_WRITE || op == SelectionKey.OP_CONNECT ? "writing" : "reading"));
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("closing {} failed: {}", closeable, e.toString());
        }
    }
}
