package org.slowpoetry.servers.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.slowpoetry.protocol.Address;

/**
 * A poetry server for proxy tests that counts its connections and misbehaves on request: it sends
 * a poem when the test {@link #release()}s it, resets the connection, or stays silent. It notices a
 * connection the proxy closes (its read sees the end), and counts those.
 *
 * <p><b>Threading:</b> an accepting platform thread and a virtual thread per connection, all
 * ended by {@link #close()}; the counters may be read from any thread.
 */
final class TestUpstream implements AutoCloseable {

    /** What each connection gets. */
    enum Behaviour {
        /** The poem, once the test releases it. */
        POEM_WHEN_RELEASED,
        /** A few bytes, then a reset (RST). */
        RESET,
        /** Nothing at all; the connection stays open. */
        SILENT
    }

    private final byte[] poem;
    private final Behaviour behaviour;
    private final ServerSocket listener;
    private final Thread acceptor;
    private final CountDownLatch released = new CountDownLatch(1);
    /** Connections accepted; incremented by the acceptor. */
    private final AtomicInteger accepted = new AtomicInteger();
    /** Connections the other side closed before the poem was sent; incremented by connection threads. */
    private final AtomicInteger closedByPeer = new AtomicInteger();
    /** Open connection sockets and their threads, for close(). */
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    TestUpstream(byte[] poem, Behaviour behaviour) throws IOException {
        this.poem = poem.clone();
        this.behaviour = behaviour;
        this.listener = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().name("test-upstream-acceptor").start(this::acceptAll);
    }

    Address address() {
        return new Address("127.0.0.1", listener.getLocalPort());
    }

    int accepted() {
        return accepted.get();
    }

    int closedByPeer() {
        return closedByPeer.get();
    }

    /** Lets every connection, present and future, have the poem. */
    void release() {
        released.countDown();
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                accepted.incrementAndGet();
                sockets.add(s);
                threads.add(Thread.ofVirtual().start(() -> serve(s)));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            switch (behaviour) {
                case POEM_WHEN_RELEASED -> {
                    Thread watcher = Thread.ofVirtual().start(() -> countCloseByPeer(s));
                    released.await();
                    s.getOutputStream().write(poem);
                    watcher.interrupt();
                }
                case RESET -> {
                    s.getOutputStream().write(poem, 0, Math.min(5, poem.length));
                    s.setSoLinger(true, 0);
                }
                case SILENT -> countCloseByPeer(s);
            }
        } catch (IOException | InterruptedException e) {
            // closed by the test or by the peer
        } finally {
            sockets.remove(s);
            threads.remove(Thread.currentThread());
        }
    }

    private void countCloseByPeer(Socket s) {
        try {
            InputStream in = s.getInputStream();
            if (in.read() == -1) {
                closedByPeer.incrementAndGet();
            }
        } catch (IOException e) {
            if (!Thread.currentThread().isInterrupted() && !listener.isClosed()) {
                closedByPeer.incrementAndGet(); // a reset from the proxy
            }
        }
    }

    @Override
    public void close() throws Exception {
        listener.close();
        acceptor.join();
        for (Socket s : sockets) {
            s.close();
        }
        for (Thread t : threads) {
            t.interrupt();
            t.join();
        }
    }
}
