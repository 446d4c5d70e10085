package org.slowpoetry.clients.select;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.protocol.Address;

/**
 * One task of the {@link SelectClient}: a non-blocking channel, the poem so far, and what to do
 * when the selector says the channel is ready. This is the per-socket bookkeeping the text points
 * out the asynchronous client must keep ("we have to keep track of the poetry we've received from
 * each server so far").
 *
 * <p><b>Threading:</b> confined to the thread running {@link SelectClient#fetch}; not thread-safe.
 */
final class Download implements AutoCloseable {

    /** Where a download is. Moves forward only: CONNECTING → READING → DONE or FAILED. */
    enum State {
        CONNECTING,
        READING,
        DONE,
        FAILED
    }

    private static final int READ_SIZE = 1024;

    private final int task;
    private final Address address;
    private final ClientRun run;
    private final PoetryLines lines;
    private final long startNanos;
    /** The poem so far. Written and read by the selecting thread only. */
    private final ByteArrayOutputStream poem = new ByteArrayOutputStream();
    /** Reused for every read. Selecting thread only. */
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_SIZE);
    /** Null until {@link #start} opened it. Selecting thread only. */
    private SocketChannel channel;
    /** Selecting thread only; see {@link State}. */
    private State state = State.CONNECTING;
    /** Set once, when the state becomes DONE or FAILED. Selecting thread only. */
    private TaskOutcome outcome;

    private Download(int task, Address address, ClientRun run, PoetryLines lines) {
        this.task = task;
        this.address = address;
        this.run = run;
        this.lines = lines;
        this.startNanos = run.clock().nanoTime();
    }

    /**
     * Starts a non-blocking connect to {@code address} and registers with {@code selector}; a
     * connect that fails at once (refused, unknown host) gives a download that is already FAILED.
     */
    static Download start(int task, Address address, Selector selector, ClientRun run, PoetryLines lines) {
        run.listener().started(task, address);
        Download download = new Download(task, address, run, lines);
        try {
            download.channel = SocketChannel.open();
            download.channel.configureBlocking(false);
            boolean connected = download.channel.connect(address.toSocketAddress());
            download.channel.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, download);
            if (connected) {
                download.state = State.READING;
            }
        } catch (IOException | UnresolvedAddressException e) {
            download.fail(PoetryLines.cannotConnect(address, e));
        }
        return download;
    }

    /** Called by the select loop when this download's channel is ready. */
    void onReady(SelectionKey key) {
        assert state == State.CONNECTING || state == State.READING : state;
        if (key.isConnectable()) {
            try {
                channel.finishConnect();
                key.interestOps(SelectionKey.OP_READ);
                state = State.READING;
            } catch (IOException e) {
                fail(PoetryLines.cannotConnect(address, e));
            }
        } else if (key.isReadable()) {
            readAvailable();
        }
    }

    /** Reads what is there now, without blocking: one line and one listener event for all of it. */
    private void readAvailable() {
        int got = 0;
        boolean ended = false;
        IOException broken = null;
        try {
            while (true) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n > 0) {
                    poem.write(buffer.array(), 0, n);
                    got += n;
                } else {
                    ended = n < 0;
                    break;
                }
            }
        } catch (IOException e) {
            broken = e;
        }
        if (got > 0) {
            run.listener().received(task, got);
            lines.gotChunk(task, got, address);
        }
        if (broken != null) {
            fail(PoetryLines.connectionLost(address, poem.size(), broken));
        } else if (ended) {
            finish();
        }
    }

    private void finish() {
        closeChannel();
        state = State.DONE;
        outcome = new TaskOutcome.Fetched(task, address, poem.toByteArray(), elapsed());
        run.listener().finished(task);
    }

    private void fail(String reason) {
        closeChannel();
        state = State.FAILED;
        outcome = new TaskOutcome.Failed(task, address, reason, poem.toByteArray(), elapsed());
        run.listener().failed(task, reason);
        lines.failed(task, reason);
    }

    private Duration elapsed() {
        return run.clock().since(startNanos);
    }

    /** True once the server closed the connection or the task failed. */
    boolean isOver() {
        return state == State.DONE || state == State.FAILED;
    }

    /**
     * What became of the task.
     *
     * @throws IllegalStateException if it is not {@link #isOver() over} yet
     */
    TaskOutcome outcome() {
        if (outcome == null) {
            throw new IllegalStateException("task " + task + " is still " + state);
        }
        return outcome;
    }

    /** Closes the channel (which also cancels its key); the state is left as it is. Idempotent. */
    @Override
    public void close() {
        closeChannel();
    }

    private void closeChannel() {
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
