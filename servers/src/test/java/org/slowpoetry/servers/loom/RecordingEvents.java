package org.slowpoetry.servers.loom;

import java.net.SocketAddress;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slowpoetry.servers.ServerEvents;

/** Records what a server reports, and on which threads; thread-safe. */
final class RecordingEvents implements ServerEvents {
    final Queue<Thread> connectionThreads = new ConcurrentLinkedQueue<>();
    final Queue<Integer> sent = new ConcurrentLinkedQueue<>();
    final AtomicInteger finished = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final Queue<Throwable> dropped = new ConcurrentLinkedQueue<>();

    @Override
    public void connected(SocketAddress peer) {
        connectionThreads.add(Thread.currentThread());
    }

    @Override
    public void sent(SocketAddress peer, int bytes) {
        sent.add(bytes);
    }

    @Override
    public void finished(SocketAddress peer) {
        finished.incrementAndGet();
    }

    @Override
    public void dropped(SocketAddress peer, Throwable reason) {
        dropped.add(reason);
    }

    @Override
    public void refused(SocketAddress peer) {
        refused.incrementAndGet();
    }

    int connected() {
        return connectionThreads.size();
    }

    List<Integer> sent() {
        return List.copyOf(sent);
    }
}
