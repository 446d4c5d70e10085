package org.slowpoetry.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The load generator's clients: plain blocking sockets, one virtual thread each (the Loom client
 * style), so that ten thousand clients cost ten thousand small stacks and no callbacks.
 *
 * <ul>
 *   <li>{@link #fetch}: N clients released at the same instant each fetch the whole poem and check
 *       it byte for byte; times to first and last byte are measured from each client's connect.
 *   <li>{@link #hold}: C clients connect (at most {@code connecting} handshakes in flight) and stay
 *       connected, reading whatever the slow server sends, until {@link Hold#close()}.
 * </ul>
 *
 * <p><b>Threading:</b> {@link #fetch} and {@link #hold} block the calling thread (any thread, but
 * not one of their own clients). A {@link Hold} is closed by the thread that opened it.
 */
final class LoadGenerator {

    /* Implementation overview
     *
     * Each client writes only its own slot of the result arrays; the executor's close() joins every
     * client thread, which happens-before the caller reads the arrays. Deadlines are enforced per
     * read with SO_TIMEOUT set to the time left, so a server that trickles bytes cannot keep a
     * client past the deadline; the client then counts as failed, never silently as served.
     */

    private LoadGenerator() {
    }

    /** What happened to one fetching client. */
    private enum Status {
        OK,
        WRONG_BYTES,
        FAILED
    }

    /**
     * Runs {@code clients} fetches at once against {@code target}, each checked against
     * {@code expected}, all within {@code timeoutMillis} of the start.
     */
    static FetchReport fetch(InetSocketAddress target, int clients, byte[] expected, long timeoutMillis)
            throws InterruptedException {
        var status = new Status[clients];
        var ttfb = new long[clients];
        var ttlb = new long[clients];
        var received = new long[clients];
        var firstError = new AtomicReference<String>();
        var go = new CountDownLatch(1);
        int bufferSize = Math.clamp(expected.length + 1, 1024, 64 * 1024);
        long begin;
        long end;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var ready = new CountDownLatch(clients);
            var startAt = new long[1];
            for (int i = 0; i < clients; i++) {
                int me = i;
                threads.execute(() -> {
                    ready.countDown();
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        status[me] = Status.FAILED;
                        return;
                    }
                    fetchOne(me, target, expected, startAt[0] + TimeUnit.MILLISECONDS.toNanos(timeoutMillis),
                            bufferSize, status, ttfb, ttlb, received, firstError);
                });
            }
            ready.await();
            begin = System.nanoTime();
            startAt[0] = begin; // published to the clients by go.countDown()
            go.countDown();
        } // close() waits for every client: their writes to the arrays happen-before what follows
        end = System.nanoTime();
        return FetchReport.of(clients, expected.length, status, ttfb, ttlb, received, end - begin,
                firstError.get());
    }

    private static void fetchOne(int me, InetSocketAddress target, byte[] expected, long deadline,
            int bufferSize, Status[] status, long[] ttfb, long[] ttlb, long[] received,
            AtomicReference<String> firstError) {
        long t0 = System.nanoTime();
        long first = -1;
        int got = 0;
        boolean same = true;
        try (var socket = new Socket()) {
            socket.connect(target, millisLeft(deadline));
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[bufferSize];
            while (true) {
                socket.setSoTimeout(millisLeft(deadline));
                int n = in.read(buf);
                if (n < 0) {
                    break;
                }
                if (first < 0) {
                    first = System.nanoTime();
                }
                same = same && got + n <= expected.length
                        && Arrays.equals(buf, 0, n, expected, got, got + n);
                got += n;
            }
            long last = System.nanoTime();
            received[me] = got;
            if (same && got == expected.length) {
                status[me] = Status.OK;
                ttfb[me] = first - t0;
                ttlb[me] = last - t0;
            } else {
                status[me] = Status.WRONG_BYTES;
                firstError.compareAndSet(null, "client " + me + " got " + got + " bytes that are not the "
                        + expected.length + "-byte poem");
            }
        } catch (IOException | RuntimeException e) {
            received[me] = got;
            status[me] = Status.FAILED;
            firstError.compareAndSet(null, "client " + me + ": " + e);
        }
    }

    /** Milliseconds to the deadline, at least 1 (0 would mean "no timeout" to a socket). */
    private static int millisLeft(long deadline) throws java.net.SocketTimeoutException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw new java.net.SocketTimeoutException("deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    /** The outcome of {@link #fetch}, with the measured times sorted for percentiles. */
    record FetchReport(int clients, int ok, int wrong, int failed, long bytes, long totalNanos,
            long[] ttfbNanos, long[] ttlbNanos, String firstError) {

        static FetchReport of(int clients, int poemSize, Status[] status, long[] ttfb, long[] ttlb,
                long[] received, long totalNanos, String firstError) {
            int ok = 0;
            int wrong = 0;
            int failed = 0;
            long bytes = 0;
            var okTtfb = new long[clients];
            var okTtlb = new long[clients];
            for (int i = 0; i < clients; i++) {
                bytes += received[i];
                switch (status[i]) {
                    case OK -> {
                        okTtfb[ok] = ttfb[i];
                        okTtlb[ok] = ttlb[i];
                        ok++;
                    }
                    case WRONG_BYTES -> wrong++;
                    case FAILED -> failed++;
                    case null -> failed++;
                }
            }
            var f = Arrays.copyOf(okTtfb, ok);
            var l = Arrays.copyOf(okTtlb, ok);
            Arrays.sort(f);
            Arrays.sort(l);
            return new FetchReport(clients, ok, wrong, failed, bytes, totalNanos, f, l, firstError);
        }

        boolean complete() {
            return ok == clients;
        }

        /** The one-line JSON the load generator prints (times in milliseconds). */
        Map<String, Object> toMap() {
            double seconds = totalNanos / 1e9;
            var m = new LinkedHashMap<String, Object>();
            m.put("clients", clients);
            m.put("ok", ok);
            m.put("wrong", wrong);
            m.put("failed", failed);
            m.put("bytes", bytes);
            m.put("totalSeconds", seconds);
            m.put("poemsPerSecond", ok / seconds);
            m.put("megabytesPerSecond", bytes / 1e6 / seconds);
            m.put("ttfbP50Millis", Stats.percentile(ttfbNanos, 50) / 1e6);
            m.put("ttfbP99Millis", Stats.percentile(ttfbNanos, 99) / 1e6);
            m.put("ttfbMaxMillis", Stats.percentile(ttfbNanos, 100) / 1e6);
            m.put("ttlbP50Millis", Stats.percentile(ttlbNanos, 50) / 1e6);
            m.put("ttlbP99Millis", Stats.percentile(ttlbNanos, 99) / 1e6);
            m.put("ttlbMaxMillis", Stats.percentile(ttlbNanos, 100) / 1e6);
            if (firstError != null) {
                m.put("firstError", firstError);
            }
            return m;
        }
    }

    /**
     * Opens {@code clients} connections to {@code target}, at most {@code connecting} handshakes at a
     * time, and returns once every one has received its first bytes or {@code timeoutMillis} passed.
     * The connections stay open (their threads reading and discarding) until {@link Hold#close()}.
     */
    static Hold hold(InetSocketAddress target, int clients, int connecting, long timeoutMillis)
            throws InterruptedException {
        var hold = new Hold(clients);
        var gate = new Semaphore(connecting);
        long begin = System.nanoTime();
        long deadline = begin + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        for (int i = 0; i < clients; i++) {
            int me = i;
            hold.threads.execute(() -> hold.holdOne(me, target, gate, deadline));
        }
        hold.settled.await(timeoutMillis, TimeUnit.MILLISECONDS);
        hold.openNanos = System.nanoTime() - begin;
        return hold;
    }

    /**
     * Connections held open by {@link #hold}. Counts are live until {@link #close()}.
     *
     * <p><b>Threading:</b> the counters are atomics written by the client threads; {@link #toMap()}
     * and {@link #close()} are for the thread that called {@link #hold}.
     */
    static final class Hold implements AutoCloseable {
        private final int clients;
        private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        /** Sockets opened so far; added by client threads, closed by {@link #close()}. */
        private final Queue<Socket> sockets = new ConcurrentLinkedQueue<>();
        private final AtomicInteger connected = new AtomicInteger();
        private final AtomicInteger served = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicReference<String> firstError = new AtomicReference<>();
        /** Counted down once per client when it is served or has failed. */
        private final CountDownLatch settled;
        /** Written by {@link #hold} before it returns; read by the same thread. */
        private long openNanos;
        /** Set by {@link #close()} so that client threads know their socket errors are ours. */
        private volatile boolean closing;

        private Hold(int clients) {
            this.clients = clients;
            this.settled = new CountDownLatch(clients);
        }

        private void holdOne(int me, InetSocketAddress target, Semaphore gate, long deadline) {
            var socket = new Socket();
            sockets.add(socket);
            boolean counted = false;
            try (socket) {
                gate.acquire();
                try {
                    socket.connect(target, millisLeft(deadline));
                } finally {
                    gate.release();
                }
                connected.incrementAndGet();
                socket.setSoTimeout(millisLeft(deadline));
                InputStream in = socket.getInputStream();
                byte[] buf = new byte[256];
                if (in.read(buf) < 0) {
                    throw new IOException("closed before sending anything");
                }
                served.incrementAndGet();
                counted = true;
                settled.countDown();
                socket.setSoTimeout(0);
                while (in.read(buf) >= 0) {
                    // discard the rest of the slow poem; close() ends this
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                if (!counted) {
                    failed.incrementAndGet();
                    firstError.compareAndSet(null, "client " + me + ": " + e);
                    settled.countDown();
                } else if (!closing) {
                    firstError.compareAndSet(null, "client " + me + " after its first bytes: " + e);
                }
            }
        }

        int served() {
            return served.get();
        }

        /** The one-line JSON the load generator prints while holding. */
        Map<String, Object> toMap() {
            var m = new LinkedHashMap<String, Object>();
            m.put("phase", "held");
            m.put("clients", clients);
            m.put("connected", connected.get());
            m.put("served", served.get());
            m.put("failed", failed.get());
            m.put("openSeconds", openNanos / 1e9);
            String error = firstError.get();
            if (error != null) {
                m.put("firstError", error);
            }
            return m;
        }

        /** Closes every connection and waits for every client thread to end. */
        @Override
        public void close() {
            closing = true;
            List<Socket> open = new ArrayList<>(sockets);
            for (Socket s : open) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            threads.shutdownNow(); // interrupts clients still waiting for the connect gate
            threads.close();
        }
    }
}
