package org.slowpoetry.net;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.time.MonotonicClock;

/**
 * Bounds the blocking writes of a thread-per-connection server: a client that takes no bytes for
 * the write timeout is closed, so it costs its thread that long and no longer. A {@link Socket} has
 * a read timeout but no write timeout, and a write to a client that never reads blocks once the
 * socket buffers are full, for ever: the blocking server's one thread, and with it every other
 * client; a virtual thread per client, and its memory. Closing the socket is the one thing that
 * ends such a write, on a platform thread or a virtual one, so that is what the watchdog does.
 *
 * {@snippet :
 * try (var watchdog = WriteWatchdog.start("loom-server-10000", Duration.ofSeconds(30), clock, Thread.ofVirtual())) {
 *     try (OutputStream out = watchdog.watch(client)) {   // on the client's thread
 *         out.write(poem);   // WriteTimeoutException once the client has taken nothing for 30 s
 *     }
 * }
 * }
 *
 * <p><b>Rules:</b> a write is cut into pieces of at most {@link #PIECE} bytes, and each piece must
 * be taken by the socket within the timeout: a client that reads slowly but steadily is never
 * closed, however long the whole poem takes. An expired client is closed, logged in one line, and
 * its write throws {@link WriteTimeoutException}. Time is measured on the given clock; the watchdog
 * looks at the writes in progress every {@link #period} of real time while any client is watched,
 * and sleeps when none is, so a stall is ended between the timeout and the timeout plus one period.
 *
 * <p><b>Threading:</b> {@link #watch} and the streams it returns are used on the clients' threads,
 * each stream by one thread at a time; {@link #close()} from the owner's thread. The watchdog's
 * own thread, {@code NAME-write-watchdog}, is owned by it and ended by {@link #close()}.
 */
public final class WriteWatchdog implements AutoCloseable {

    /* Implementation overview
     *
     * One thread per server, not a timer per write: a slow server makes a hundred thousand small
     * writes a second, and almost every one returns at once. A write only publishes when it started
     * (a volatile long per client); the watchdog thread sweeps the watched clients, every period
     * while there are any, and closes a client whose write started longer ago than the timeout.
     * With no client watched it parks untimed (state IDLE); watch() unparks it then, and only then.
     * It never sleeps on the server's clock, so a test on a manual clock counts no sleeper of ours.
     *
     * Why only when IDLE: an unpark leaves a permit, and the next timed park returns at once. When
     * watch() unparked on every call, a burst of 10,000 connects made up to 10,000 sweeps of up to
     * 10,000 clients: half of the loom server's Java samples under bench load's slow-throughput
     * (ConcurrentHashMap$Traverser.advance 50%, sweep 10%). IDLE is set before the last look at
     * the set and read after watch() adds to it (Dekker, as in AcceptLoop): a client added while
     * the watchdog goes idle is seen by one side or the other.
     *
     * A client's write and the watchdog's close race harmlessly: the watchdog sets `expired` before
     * it closes the socket, so a write that fails after it can tell the timeout from any other
     * failure; a write that has just finished when the socket is closed is the timeout's too, as
     * the watchdog decided on what it saw.
     */

    private static final Logger LOG = LoggerFactory.getLogger(WriteWatchdog.class);

    /** The most bytes handed to the socket in one write, so that progress shows between pieces. */
    public static final int PIECE = 16 * 1024;

    /** Shortest and longest sweep period: a tenth of the timeout, within these. */
    private static final Duration MIN_PERIOD = Duration.ofMillis(10);
    private static final Duration MAX_PERIOD = Duration.ofSeconds(1);

    /** A {@link Watched#since} that means "not writing now". */
    private static final long NOT_WRITING = Long.MIN_VALUE;

    private enum State {
        /** Sweeping every period, or about to look at the set again. */
        WATCHING,
        /** Parked untimed with nothing to watch: {@link #watch} must unpark it. */
        IDLE,
        CLOSED
    }

    private final String name;
    private final Duration timeout;
    private final MonotonicClock clock;
    private final Duration period;
    private final Thread thread;
    /** The clients being watched: added by their threads, removed by them or by the watchdog. */
    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    /**
     * WATCHING and IDLE by turns, written by the watchdog thread; CLOSED by {@link #close()}. Read by
     * the watchdog thread, and by {@link #watch} to know whether to wake it.
     */
    private final AtomicReference<State> state = new AtomicReference<>(State.WATCHING);

    private WriteWatchdog(String name, Duration timeout, MonotonicClock clock, Thread.Builder threads) {
        this.name = name;
        this.timeout = timeout;
        this.clock = clock;
        Duration tenth = timeout.dividedBy(10);
        this.period = tenth.compareTo(MIN_PERIOD) < 0 ? MIN_PERIOD : tenth.compareTo(MAX_PERIOD) > 0 ? MAX_PERIOD : tenth;
        this.thread = threads.name(name + "-write-watchdog").unstarted(this::run);
    }

    /**
     * Starts a watchdog on a thread made by {@code threads} (virtual or platform, as the server's own).
     *
     * @param name    names the thread and the log lines: the server's name
     * @param timeout how long a client may take no bytes; positive
     * @param clock   the clock the stalls are measured on
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public static WriteWatchdog start(String name, Duration timeout, MonotonicClock clock, Thread.Builder threads) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(threads, "threads");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the write timeout must be positive: " + timeout);
        }
        var watchdog = new WriteWatchdog(name, timeout, clock, threads);
        watchdog.thread.start();
        return watchdog;
    }

    /** The write timeout. */
    public Duration timeout() {
        return timeout;
    }

    /** How often the watchdog looks at the writes in progress, in real time. */
    public Duration period() {
        return period;
    }

    /**
     * {@code client}'s output, its writes bounded by the timeout. Closing the stream stops the
     * watching and closes the socket, as closing a socket's own stream does.
     *
     * @throws IllegalStateException if the watchdog is closed
     */
    public OutputStream watch(Socket client) {
        Objects.requireNonNull(client, "client");
        if (state.get() == State.CLOSED) {
            throw new IllegalStateException(name + ": the write watchdog is closed");
        }
        var stream = new Watched(client);
        watched.add(stream);
        if (state.get() == State.IDLE) {
            LockSupport.unpark(thread); // parked with nothing to watch: now there is
        }
        return stream;
    }

    /** Stops watching and waits for the watchdog's thread to end; the watched sockets stay open. Idempotent. */
    @Override
    public void close() {
        state.set(State.CLOSED);
        LockSupport.unpark(thread);
        Threads.joinUninterruptibly(thread);
        watched.clear();
    }

    @Override
    public String toString() {
        return name + " write watchdog (" + WriteTimeoutException.seconds(timeout) + ", " + watched.size()
                + " watched, " + state.get() + ")";
    }

    // ---- the watchdog's thread ----

    private void run() {
        while (state.get() != State.CLOSED) {
            if (!watched.isEmpty()) {
                sweep();
                LockSupport.parkNanos(this, period.toNanos());
            } else if (state.compareAndSet(State.WATCHING, State.IDLE)) { // fails only once CLOSED
                if (watched.isEmpty()) { // the last look, after saying IDLE
                    LockSupport.park(this);
                }
                state.compareAndSet(State.IDLE, State.WATCHING);
            }
        }
    }

    private void sweep() {
        long now = clock.nanoTime();
        for (Watched w : watched) {
            long since = w.since;
            if (since != NOT_WRITING && now - since >= timeout.toNanos()) {
                w.expire();
            }
        }
    }

    /**
     * One client's output: its writes in pieces, each with its start published for the sweep.
     *
     * <p><b>Threading:</b> written by one client thread at a time; {@link #since} and
     * {@link #expired} are read and written across threads (volatile).
     */
    private final class Watched extends OutputStream {
        private final Socket socket;
        /** When the write in progress started, or {@link #NOT_WRITING}. Written by the client's thread, read by the sweep. */
        private volatile long since = NOT_WRITING;
        /** Set by the sweep before it closes the socket; read by the client's thread when a write fails. */
        private volatile boolean expired;
        /** The socket's own stream, got on the first write. Client's thread only. */
        private OutputStream out;

        Watched(Socket socket) {
            this.socket = socket;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            try {
                if (out == null) {
                    out = socket.getOutputStream();
                }
                for (int at = offset, end = offset + length; at < end; at += PIECE) {
                    since = clock.nanoTime();
                    out.write(bytes, at, Math.min(PIECE, end - at));
                    since = NOT_WRITING;
                }
            } catch (IOException e) {
                throw expired ? new WriteTimeoutException(timeout, e) : e;
            } finally {
                since = NOT_WRITING;
            }
            if (expired) {
                throw new WriteTimeoutException(timeout, null);
            }
        }

        @Override
        public void close() throws IOException {
            watched.remove(this);
            socket.close();
        }

        /** The sweep found this client's write stalled past the timeout: close it. */
        void expire() {
            expired = true;
            watched.remove(this);
            SocketAddress peer = socket.getRemoteSocketAddress();
            LOG.info("{}: closed {}: it took no bytes for {} (the write timeout)", name, peer,
                    WriteTimeoutException.seconds(timeout));
            AcceptLoop.closeQuietly(socket);
        }
    }
}
