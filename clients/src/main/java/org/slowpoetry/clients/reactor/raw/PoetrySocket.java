package org.slowpoetry.clients.reactor.raw;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.reactor.PoemTask;
import org.slowpoetry.clients.reactor.ReactorFetch;
import org.slowpoetry.protocol.PoemAccumulator;
import org.slowpoetry.reactor.ConnectionClosed;
import org.slowpoetry.reactor.ConnectionDone;
import org.slowpoetry.reactor.ConnectionLost;
import org.slowpoetry.reactor.DelayedCall;
import org.slowpoetry.reactor.ReadDescriptor;
import org.slowpoetry.reactor.Reactor;

/**
 * Client 1.0's {@code PoetrySocket} (Part 4): one socket to one poetry server, handed to the
 * reactor as a {@link ReadDescriptor}. No transports, protocols or factories yet: the reactor calls
 * {@link #doRead()} when the socket has bytes, and we read what is there, without blocking, and
 * return.
 *
 * {@snippet :
 * PoetrySocket.connect(task, fetch, timeout);  // connects, then reactor.addReader(socket)
 * // the reactor, whenever the socket can be read:
 * socket.doRead();                              // "Task 1: got 30 bytes of poetry from ..."
 * // and once the server has closed (doRead returned ConnectionDone):
 * socket.connectionLost(new ConnectionDone());  // the poem is complete; last socket? stop
 * }
 *
 * <p>It carries the text's two exercises: a failed connect is a failed task, not a crash (Part 4,
 * exercise 1), and with {@code --timeout} a {@code callLater} gives up on a poem that takes too
 * long, and is cancelled when the poem finishes in time (exercise 2).
 *
 * <p>It is sealed because the text makes exactly one variation of it, the deliberately broken
 * {@link BrokenPoetrySocket}, which differs only in {@code doRead}.
 *
 * <p><b>Threading:</b> {@link #connect} runs on the thread configuring the reactor, before it
 * runs (it blocks while connecting, as the text's does); every other method is called by the
 * reactor on its thread.
 */
public sealed class PoetrySocket implements ReadDescriptor permits BrokenPoetrySocket {

    /* Implementation overview
     *
     * The life of one socket, all on the reactor thread after connect():
     *   doRead*          read what is there; ConnectionDone at end of stream
     *   connectionLost   the reactor has closed the channel: record the poem or the failure,
     *                    cancel the timeout, and stop the reactor if no PoetrySocket is left
     *   timedOut         (instead of the two above) stop reading, close, record the failure
     * The task's state (PoemTask) says which of these ended it, so a late timer finds it over.
     */

    /** The text's sockets read up to 1024 bytes at a time. */
    static final int READ_SIZE = 1024;

    private final PoemTask task;
    private final ReactorFetch fetch;
    private final SocketChannel channel;
    /** Reused for every read; reactor thread only. */
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_SIZE);
    /** The poem so far; reactor thread only. */
    private final PoemAccumulator poem = new PoemAccumulator();
    /** The --timeout call, or null; set by connect, cancelled when the poem ends. Reactor thread only. */
    private DelayedCall timeout;

    PoetrySocket(PoemTask task, ReactorFetch fetch, SocketChannel channel) {
        this.task = task;
        this.fetch = fetch;
        this.channel = channel;
    }

    /** What makes a socket: {@code PoetrySocket::new} or {@code BrokenPoetrySocket::new}. */
    @FunctionalInterface
    interface Maker {
        PoetrySocket make(PoemTask task, ReactorFetch fetch, SocketChannel channel);
    }

    /**
     * Connects to the task's server, blocking (the reactor is not running yet, as in the text),
     * and hands the socket to the reactor with {@code addReader}. A connect that fails prints one
     * line and fails the task; the program goes on (Part 4, exercise 1).
     *
     * @param timeout the {@code --timeout} for the whole poem, connect included, or empty
     */
    static void connect(PoemTask task, ReactorFetch fetch, Optional<Duration> timeout, Maker maker) {
        Reactor reactor = fetch.reactor();
        task.start();
        SocketChannel channel = null;
        try {
            InetSocketAddress target = task.address().toSocketAddress(); // resolves the name, blocking
            if (target.isUnresolved()) {
                throw new UnknownHostException(task.address().host());
            }
            channel = SocketChannel.open();
            int connectMillis = (int) Math.min(Integer.MAX_VALUE,
                    timeout.orElse(Reactor.DEFAULT_CONNECT_TIMEOUT).toMillis());
            channel.socket().connect(target, Math.max(1, connectMillis));
        } catch (IOException | UnresolvedAddressException e) {
            closeQuietly(channel);
            String reason = PoetryLines.cannotConnect(task.address(), e);
            fetch.lines().failed(task.number(), reason);
            task.failed(reason, new byte[0]);
            return;
        }
        PoetrySocket socket = maker.make(task, fetch, channel);
        reactor.addReader(socket); // makes the channel non-blocking
        timeout.ifPresent(after -> socket.timeout = reactor.callLater(after, () -> socket.timedOut(after)));
    }

    @Override
    public SelectableChannel channel() {
        return channel;
    }

    /**
     * Reads every byte there is now, and no more: a read that returns 0 means "nothing yet", and we
     * return to the reactor. Prints one line for what this call read.
     */
    @Override
    public Optional<ConnectionClosed> doRead() throws IOException {
        int got = 0;
        try {
            while (true) {
                int n = read();
                if (n > 0) {
                    got += n;
                } else if (n < 0) {
                    return Optional.of(new ConnectionDone());
                } else {
                    return Optional.empty();
                }
            }
        } finally {
            if (got > 0) {
                task().received(got);
                fetch.lines().gotChunk(task.number(), got, task.address());
            }
        }
    }

    /**
     * The reactor has closed the socket and forgotten it: the poem is complete (the server closed)
     * or lost. With no {@code PoetrySocket} left among the reactor's readers, the poetry is over
     * and the reactor is stopped (the text's {@code getReaders()} check).
     */
    @Override
    public void connectionLost(ConnectionClosed reason) {
        if (task.over()) {
            return; // timed out already
        }
        if (timeout != null && timeout.active()) {
            timeout.cancel(); // the poem finished in time
        }
        switch (reason) {
            case ConnectionDone done -> task.succeeded(poem.finish());
            case ConnectionLost(Throwable cause) -> {
                String why = PoetryLines.connectionLost(task.address(), task.received(), cause);
                fetch.lines().failed(task.number(), why);
                task.failed(why, poem.finish());
            }
        }
        stopIfNoPoetryLeft();
    }

    /** The {@code --timeout} ran out: stop reading, close the socket, fail the task. */
    private void timedOut(Duration after) {
        if (task.over()) {
            return;
        }
        fetch.reactor().removeReader(this);
        closeQuietly(channel);
        String why = PoetryLines.timedOut(task.address(), task.received(), after);
        fetch.lines().failed(task.number(), why);
        task.failed(why, poem.finish());
        stopIfNoPoetryLeft();
    }

    private void stopIfNoPoetryLeft() {
        if (fetch.reactor().getReaders().stream().noneMatch(r -> r instanceof PoetrySocket)) {
            fetch.stopReactor(); // no more poetry
        }
    }

    /** One read into the shared buffer; the bytes read go on the poem. */
    final int read() throws IOException {
        buffer.clear();
        int n = channel.read(buffer);
        if (n > 0) {
            poem.append(buffer.flip());
        }
        return n;
    }

    final PoemTask task() {
        return task;
    }

    final ReactorFetch fetch() {
        return fetch;
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a socket we are giving up on; nothing more to do
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[task " + task.number() + ", " + task.address() + "]";
    }
}
