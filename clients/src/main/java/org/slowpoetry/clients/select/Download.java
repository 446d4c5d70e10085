package org.slowpoetry.clients.select;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.fetch.PoemDownload;
import org.slowpoetry.fetch.PoemResult;
import org.slowpoetry.time.MonotonicClock;

/**
 * One task of the {@link SelectClient}: a non-blocking channel and what to do when the selector
 * says it is ready. This is the per-socket bookkeeping the text points out the asynchronous client
 * must keep ("we have to keep track of the poetry we've received from each server so far"). The
 * poem so far and the rules for what counts as one are the shared {@link PoemDownload}'s; the
 * task's events and outcome are the shared {@link PoemTask}'s; what is left here is the part a
 * select loop has to do by hand: the channel, its readiness, and its deadline.
 *
 * <p>The deadline is the {@code --timeout}: a connect that does not complete, or a server that
 * sends nothing, for that long ends the task with {@link PoemDownload#timedOut()}. Every event
 * (the start, a completed connect, a read that brought bytes) moves the deadline on.
 *
 * <p><b>Threading:</b> confined to the thread running {@link SelectClient#fetch}; not thread-safe.
 */
final class Download implements AutoCloseable {

    private static final int READ_SIZE = 1024;

    private final PoemTask task;
    private final PoemDownload poem;
    private final PoetryLines lines;
    private final MonotonicClock clock;
    /** Reused for every read. Selecting thread only. */
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_SIZE);
    /** Null if the channel could not be opened. Selecting thread only. */
    private SocketChannel channel;
    /** Null if the connect failed at once. Selecting thread only. */
    private SelectionKey key;
    /** When the task times out unless something happens first, on {@code clock}. Selecting thread only. */
    private long deadlineNanos;

    private Download(PoemTask task, PoemDownload poem, PoetryLines lines, MonotonicClock clock) {
        this.task = task;
        this.poem = poem;
        this.lines = lines;
        this.clock = clock;
    }

    /**
     * Starts the task with a non-blocking connect, registered with {@code selector}; a connect that
     * fails at once (refused, unknown host) ends the task before this returns.
     */
    static Download start(PoemTask task, PoemDownload poem, Selector selector, PoetryLines lines, MonotonicClock clock) {
        Download download = new Download(task, poem, lines, clock);
        task.start();
        download.progressed();
        try {
            download.channel = SocketChannel.open();
            download.channel.configureBlocking(false);
            boolean connected = download.channel.connect(poem.address().toSocketAddress());
            download.key = download.channel.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT);
            if (connected) {
                poem.connected();
            }
        } catch (IOException | UnresolvedAddressException e) {
            download.end(poem.failed(e));
        }
        return download;
    }

    /** True once the server closed the connection or the task failed. */
    boolean isOver() {
        return task.isOver();
    }

    /** Whether the selector reported this download's channel ready in the last round. */
    boolean isReadyIn(Selector selector) {
        return key != null && selector.selectedKeys().contains(key);
    }

    /** When this open download times out, on the run's clock. */
    long deadlineNanos() {
        return deadlineNanos;
    }

    /** Called by the select loop when this download's channel is ready. */
    void onReady() {
        assert !isOver();
        if (key.isConnectable()) {
            try {
                channel.finishConnect();
                key.interestOps(SelectionKey.OP_READ);
                poem.connected();
                progressed();
            } catch (IOException e) {
                end(poem.failed(e));
            }
        } else if (key.isReadable()) {
            readAvailable();
        }
    }

    /** Called by the select loop once the deadline has passed with nothing happening. */
    void timeOut() {
        assert !isOver();
        end(poem.timedOut());
    }

    /**
     * Reads what is there now, without blocking: one line and one task event for all of it; at the
     * end of the poem, {@code Task N finished}, as the text's loop prints it.
     */
    private void readAvailable() {
        int got = 0;
        PoemResult ended = null;
        try {
            for (int n; ended == null && (n = channel.read(buffer.clear())) != 0; ) {
                if (n < 0) {
                    ended = poem.end();
                } else {
                    ended = poem.append(buffer.flip()).orElse(null); // too long or badly framed: the end
                    got += ended == null ? n : 0;
                }
            }
        } catch (IOException e) {
            ended = poem.failed(e);
        }
        if (got > 0) {
            task.received(got);
            lines.gotChunk(task.number(), got, task.address());
            progressed();
        }
        if (ended != null) {
            end(ended);
        }
    }

    /** Ends the task as the download ended: {@code Task N finished}, or the failure on stderr. */
    private void end(PoemResult result) {
        close();
        lines.finishedOrFailed(task.end(result));
    }

    private void progressed() {
        deadlineNanos = clock.nanoTime() + poem.settings().timeout().toNanos();
    }

    /** Closes the channel (which also cancels its key). Idempotent. */
    @Override
    public void close() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing useful to do: the poem is complete or the task has already failed
        }
    }
}
