package org.slowpoetry.servers;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ServerEvents} that records what a server reports, in the order it reports it, for tests
 * to assert on (and to await with awaitility).
 *
 * <p><b>Threading:</b> thread-safe: servers report from their own threads, tests read from theirs.
 * Each event is appended once; a read sees every event appended before it (CopyOnWriteArrayList).
 */
public final class RecordingServerEvents implements ServerEvents {

    /** One reported event. */
    public sealed interface Event {
        /** The peer the event is about, or null for {@link Listening}. */
        SocketAddress peer();
    }

    public record Listening(String poem, InetSocketAddress address) implements Event {
        @Override
        public SocketAddress peer() {
            return null;
        }
    }

    public record Connected(SocketAddress peer) implements Event {
    }

    public record Sent(SocketAddress peer, int bytes) implements Event {
    }

    public record Finished(SocketAddress peer) implements Event {
    }

    public record Dropped(SocketAddress peer, Throwable reason) implements Event {
    }

    public record Refused(SocketAddress peer) implements Event {
    }

    public record Crashed(SocketAddress peer, Throwable reason) implements Event {
    }

    /** Appended by the server's threads, read by the test's. */
    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void listening(Poem poem, InetSocketAddress address) {
        events.add(new Listening(poem.source(), address));
    }

    @Override
    public void connected(SocketAddress peer) {
        events.add(new Connected(peer));
    }

    @Override
    public void sent(SocketAddress peer, int bytes) {
        events.add(new Sent(peer, bytes));
    }

    @Override
    public void finished(SocketAddress peer) {
        events.add(new Finished(peer));
    }

    @Override
    public void dropped(SocketAddress peer, Throwable reason) {
        events.add(new Dropped(peer, reason));
    }

    @Override
    public void crashed(SocketAddress peer, Throwable reason) {
        events.add(new Crashed(peer, reason));
    }

    @Override
    public void refused(SocketAddress peer) {
        events.add(new Refused(peer));
    }

    /** Every event so far, oldest first (a snapshot). */
    public List<Event> all() {
        return List.copyOf(events);
    }

    /** The events so far that concern {@code peer}, oldest first. */
    public List<Event> about(SocketAddress peer) {
        return events.stream().filter(e -> peer.equals(e.peer())).toList();
    }

    /** Where in {@link #all()} the first event equal to {@code event} is, or -1. */
    public int indexOf(Event event) {
        return all().indexOf(event);
    }
}
