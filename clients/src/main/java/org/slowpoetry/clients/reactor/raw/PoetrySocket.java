package org.slowpoetry.clients.reactor.raw;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.util.Optional;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.reactor.ReactorFetch;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.fetch.PoemDownload;
import org.slowpoetry.fetch.PoemResult;
import org.slowpoetry.reactor.ConnectionClosed;
import org.slowpoetry.reactor.ConnectionDone;
import org.slowpoetry.reactor.ConnectionLost;
import org.slowpoetry.reactor.DelayedCall;
import org.slowpoetry.reactor.ReadDescriptor;

/**
 * Client 1.0's {@code PoetrySocket} (Part 4): one socket to one poetry server, handed to the
 * reactor as a {@link ReadDescriptor}. No transports, protocols or factories yet: the reactor calls
 * {@link #doRead()} when the socket has bytes, and we read what is there, without blocking, and
 * return.
 *
 * {@snippet :
 * PoetrySocket.connect(task, fetch, PoetrySocket::new); // connects, then reactor.addReader(socket)
 * // the reactor, whenever the socket can be read:
 * socket.doRead();                          // "Task 1: got 30 bytes of poetry from ..."
 * // and once the server has closed (doRead returned ConnectionDone):
 * socket.connectionLost(new ConnectionDone()); // "Task 1 finished"; the last socket? stop
 * }
 *
 * <p>The bytes go into a {@link PoemDownload}, so what counts as a poem, the size limit and how a
 * failure is classified are the same as in every other style. It carries the text's two
 * exercises: a failed connect is a failed task, not a crash (Part 4, exercise 1), and a
 * {@code callLater} gives up on a server that stays silent for {@code --timeout} (exercise 2): armed
 * once connected, pushed back by every read, cancelled when the poem ends. The connect itself is
 * bounded by the same timeout.
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
     *   doRead*          read what is there into the download; ConnectionDone at end of stream
     *                    (or when the bytes cannot be a poem, which ends the download there)
     *   connectionLost   the reactor has closed the channel: end the download, and the task
     *   timedOut         (instead) the idle timer ran: end the download timed out, close
     * then, if no PoetrySocket is left among the reactor's readers, stop the reactor. The
     * download's ENDED state says the task has been ended, so a late event finds nothing to do.
     */

    /** The text's sockets read up to 1024 bytes at a time. */
    static final int READ_SIZE = 1024;

    private final PoemTask task;
    private final ReactorFetch fetch;
    private final SocketChannel channel;
    private final PoemDownload download;
    /** Reused for every read; reactor thread only. */
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_SIZE);
    /** The idle-read timeout; set by connect, reset by reads, cancelled at the end. Reactor thread only. */
    private DelayedCall idleTimer;

    PoetrySocket(PoemTask task, ReactorFetch fetch, SocketChannel channel, PoemDownload download) {
        this.task = task;
        this.fetch = fetch;
        this.channel = channel;
        this.download = download;
    }

    /** What makes a socket: {@code PoetrySocket::new} or {@code BrokenPoetrySocket::new}. */
    @FunctionalInterface
    interface Maker {
        PoetrySocket make(PoemTask task, ReactorFetch fetch, SocketChannel channel, PoemDownload download);
    }

    /**
     * Starts the task and connects to its server, blocking (the reactor is not running yet, as in
     * the text) for at most the {@code --timeout}, and hands the socket to the reactor with
     * {@code addReader}. A connect that fails ends the task and prints one line; the program goes
     * on (Part 4, exercise 1).
     */
    static void connect(PoemTask task, ReactorFetch fetch, Maker maker) {
        task.start();
        FetchSettings settings = fetch.settings();
        PoemDownload download = new PoemDownload(task.address(), settings);
        SocketChannel channel = null;
        try {
            InetSocketAddress target = task.address().toSocketAddress(); // resolves the name, blocking
            if (target.isUnresolved()) {
                throw new UnknownHostException(task.address().host());
            }
            channel = SocketChannel.open();
            channel.socket().connect(target, settings.timeoutMillis());
        } catch (IOException | UnresolvedAddressException e) {
            closeQuietly(channel);
            PoemResult.Failed failed = download.failed(e);
            task.end(failed);
            fetch.lines().failed(task.number(), failed.failure());
            return;
        }
        download.connected();
        PoetrySocket socket = maker.make(task, fetch, channel, download);
        fetch.reactor().addReader(socket); // makes the channel non-blocking
        socket.idleTimer = fetch.reactor().callLater(settings.timeout(), socket::timedOut);
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
        if (download.state() != PoemDownload.State.ENDED) {
            finish(switch (reason) {
                case ConnectionDone done -> download.end();
                case ConnectionLost(Throwable cause) -> download.failed(cause);
            });
        }
        stopIfNoPoetryLeft();
    }

    /** The server was silent for the whole {@code --timeout}: stop reading, close, end the task. */
    private void timedOut() {
        if (download.state() == PoemDownload.State.ENDED) {
            return;
        }
        fetch.reactor().removeReader(this);
        closeQuietly(channel);
        finish(download.timedOut());
        stopIfNoPoetryLeft();
    }

    /** Ends the task with {@code result}: {@code Task 1 finished}, or the failure's line. */
    private void finish(PoemResult result) {
        if (idleTimer.active()) {
            idleTimer.cancel();
        }
        printEnd(task.end(result));
    }

    /** What client 1.0 prints when a task ends: {@code Task 1 finished}, or the failure on stderr. */
    void printEnd(TaskOutcome outcome) {
        fetch.lines().finishedOrFailed(outcome);
    }

    private void stopIfNoPoetryLeft() {
        if (fetch.reactor().getReaders().stream().noneMatch(r -> r instanceof PoetrySocket)) {
            fetch.stopReactor(); // no more poetry
        }
    }

    /**
     * One read into the shared buffer: the bytes go to the download and are counted in the task,
     * and the idle timer starts again.
     *
     * @return the bytes read; 0 if there were none yet; -1 at the end of the stream, or when the
     *     bytes cannot be a poem, too long or badly framed (the download has then ended, and the task with it)
     */
    final int read() throws IOException {
        buffer.clear();
        int n = channel.read(buffer);
        if (n <= 0) {
            return n;
        }
        task.received(n);
        idleTimer.reset(download.settings().timeout());
        var refused = download.append(buffer.flip());
        if (refused.isPresent()) {
            finish(refused.get());
            return -1;
        }
        return n;
    }

    final PoemTask task() {
        return task;
    }

    final ReactorFetch fetch() {
        return fetch;
    }

    /** Ends the download timed out from inside {@code doRead}, as the broken socket's own wait does. */
    final void timedOutWhileReading() {
        finish(download.timedOut());
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
