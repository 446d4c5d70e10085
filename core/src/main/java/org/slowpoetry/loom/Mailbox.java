package org.slowpoetry.loom;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * An Erlang-style mailbox: any thread may {@link #send} to it without waiting, and its owner
 * {@link #receive}s the messages, either in arrival order or <em>selectively</em>, taking the first
 * message that matches a pattern and leaving the others where they are.
 *
 * <p>In Part 20 the Erlang client's main process waits in {@code receive} for two kinds of
 * messages, poems and {@code 'DOWN'} notices, in whatever order they come. The same loop in Java:
 *
 * {@snippet :
 * Mailbox<Object> inbox = new Mailbox<>();
 * // ... spawn one monitored process per server, each sending a Poem to inbox ...
 * int running = servers.size();
 * List<Poem> poems = new ArrayList<>();
 * while (running > 0) {
 *     switch (inbox.receive()) {
 *         case Poem poem -> poems.add(poem);
 *         case Down down -> running--;
 *         default -> throw new IllegalStateException("unexpected message");
 *     }
 * }
 * }
 *
 * <p><b>Selective receive.</b> {@link #receive(Predicate)} and {@link #receive(Class)} behave like
 * Erlang's {@code receive} with a pattern: they scan from the oldest message, take the first that
 * matches, and keep all the others in their order. If none matches, the receiver sleeps until a
 * new message arrives, and then tests only the new ones: messages it has already rejected are not
 * tested again. So a process can wait for the one reply it needs while requests pile up behind it,
 * and deal with those later, in order:
 *
 * {@snippet :
 * server.send(new Ping(self));
 * Pong pong = inbox.receive(Pong.class);   // other messages stay queued, in order
 * }
 *
 * <p><b>Capacity.</b> {@code new Mailbox<>()} is unbounded, as Erlang's mailboxes are.
 * {@link #bounded(int, OverflowPolicy)} makes one that holds at most {@code capacity} messages and
 * applies its {@link OverflowPolicy} to the next: {@link OverflowPolicy#REJECT} throws
 * {@link MailboxFullException} from {@code send}, {@link OverflowPolicy#DROP_NEWEST} drops the new
 * message and returns {@code false}. A send never blocks waiting for room. The {@link Down} notices
 * of monitors are the one exception to the limit: they are always delivered, because a process
 * that counts {@code Down}s to know when its workers are done must never miss one.
 *
 * <p><b>Timeouts</b> ({@link #receive(Duration)} and friends) are measured on the JVM's real
 * monotonic clock ({@link System#nanoTime()}), because a {@link Condition} can only wait on real
 * time. They are not driven by a {@link org.slowpoetry.time.MonotonicClock}; tests use small real
 * timeouts and assert what was received, never how long it took. A zero timeout polls.
 *
 * <p><b>Threading:</b> thread-safe. {@link #send} may be called from any thread, any number at
 * once, and never blocks beyond taking a short internal lock. Messages from one sender arrive in
 * the order it sent them; there is no order between different senders. Receiving is normally done
 * by one thread, the mailbox's owner (a process); several receivers at once are allowed and each
 * message goes to exactly one of them. Every {@code send} happens-before the {@code receive} that
 * returns its message. Receivers wait by parking, so a virtual thread waiting in {@code receive}
 * releases its carrier. Predicates run on the receiver's thread while the mailbox lock is held:
 * they must be quick, must not block, and must not use this mailbox.
 *
 * @param <M> the type of the messages; {@code Object} for a mailbox that takes anything
 */
public final class Mailbox<M> {

    /*
     * Implementation overview.
     *
     * Messages live in a singly linked list behind a sentinel head node: head.next is the oldest.
     * send() appends at the tail; a receive may unlink a node from anywhere. Everything is guarded
     * by one ReentrantLock (never synchronized: a virtual thread parks on the lock and its Condition
     * without pinning its carrier).
     *
     * A receive keeps a local bookmark, `scanned`: the last node it has tested and rejected (or the
     * head if none). When it wakes after a send it resumes at scanned.next, so each message is
     * tested by each receive call at most once: O(new messages) per wake-up instead of rescanning
     * the whole queue, which matters when a receiver waits for a rare reply in a long queue.
     * Unlinking a node holds its predecessor, which is exactly the bookmark, so a singly linked
     * list suffices. If another receiver unlinked the bookmark itself while we slept, the node is
     * marked `removed` and we start again from the head (correct, and rare: mailboxes normally have
     * one receiver).
     *
     * send() uses signalAll(), not signal(): receivers may be waiting for different patterns, and
     * waking just one that does not want the new message would leave one that does asleep.
     */

    /** A cell of the queue. All fields are guarded by the mailbox's {@code lock}. */
    private static final class Node<M> {
        /** The message; null in the head sentinel and once the node is unlinked. */
        M message;
        /** The next newer node, or null at the tail. */
        Node<M> next;
        /** Set when the node is unlinked, so a receiver holding it as a bookmark can tell. */
        boolean removed;

        Node(M message) {
            this.message = message;
        }
    }

    private static final int UNBOUNDED = Integer.MAX_VALUE;

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled (all waiters) by every send; receivers await it. */
    private final Condition arrived = lock.newCondition();
    private final int capacity;
    private final OverflowPolicy overflow;
    /** The sentinel; {@code head.next} is the oldest message. Never removed. */
    private final Node<M> head = new Node<>(null);
    /** The newest node, or {@code head} when empty. Written by send and unlink; guarded by {@code lock}. */
    private Node<M> tail = head;
    /** How many messages are queued. Written by send and unlink, read by {@link #size}; guarded by {@code lock}. */
    private int size;
    /** Messages dropped under {@link OverflowPolicy#DROP_NEWEST}. Written by send; guarded by {@code lock}. */
    private long dropped;

    /** An unbounded mailbox: {@link #send} always accepts. */
    public Mailbox() {
        this(UNBOUNDED, OverflowPolicy.REJECT);
    }

    private Mailbox(int capacity, OverflowPolicy overflow) {
        this.capacity = capacity;
        this.overflow = overflow;
    }

    /**
     * A mailbox that holds at most {@code capacity} messages and applies {@code policy} to any more.
     *
     * @throws IllegalArgumentException if {@code capacity} is less than 1
     */
    public static <M> Mailbox<M> bounded(int capacity, OverflowPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        if (capacity < 1) {
            throw new IllegalArgumentException("mailbox capacity must be at least 1: " + capacity);
        }
        return new Mailbox<>(capacity, policy);
    }

    /**
     * Puts {@code message} at the end of the mailbox and wakes its receivers. Never waits for room
     * or for a receiver.
     *
     * @return {@code true} if the message is in the mailbox; {@code false} only if the mailbox is
     *         bounded, full, and its policy is {@link OverflowPolicy#DROP_NEWEST}
     * @throws MailboxFullException if the mailbox is bounded, full, and its policy is
     *         {@link OverflowPolicy#REJECT}
     * @throws NullPointerException if {@code message} is null
     */
    public boolean send(M message) {
        Objects.requireNonNull(message, "message");
        lock.lock();
        try {
            if (size >= capacity) {
                switch (overflow) {
                    case REJECT -> throw new MailboxFullException(
                            "mailbox is full (capacity " + capacity + "); message not delivered: " + message);
                    case DROP_NEWEST -> {
                        dropped++;
                        return false;
                    }
                }
            }
            append(message);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Delivers a message whatever the capacity: for {@link Down} notices, which must never be
     * lost. Package-private: only the process machinery uses it.
     */
    void deliver(M message) {
        lock.lock();
        try {
            append(message);
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the oldest message and takes it. */
    public M receive() throws InterruptedException {
        return await(Mailbox::any, false, 0);
    }

    /**
     * Takes the oldest message, waiting at most {@code timeout} (real time) for one to arrive.
     *
     * @return the message, or empty if none arrived in time
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public Optional<M> receive(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(await(Mailbox::any, true, nanos(timeout)));
    }

    /**
     * Selective receive: takes the oldest message that {@code filter} accepts, waiting for one if
     * need be. Messages it rejects stay in the mailbox, in their order.
     */
    public M receive(Predicate<? super M> filter) throws InterruptedException {
        Objects.requireNonNull(filter, "filter");
        return await(filter, false, 0);
    }

    /**
     * Selective receive with a timeout: like {@link #receive(Predicate)}, but gives up after
     * {@code timeout} (real time), leaving every message where it was.
     *
     * @return the first accepted message, or empty if none arrived in time
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public Optional<M> receive(Predicate<? super M> filter, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(filter, "filter");
        return Optional.ofNullable(await(filter, true, nanos(timeout)));
    }

    /**
     * Selective receive by type, the Java spelling of an Erlang pattern: takes the oldest message
     * that is an instance of {@code type}.
     */
    public <T extends M> T receive(Class<T> type) throws InterruptedException {
        return type.cast(await(type::isInstance, false, 0));
    }

    /**
     * Selective receive by type with a timeout.
     *
     * @return the oldest message of that type, or empty if none arrived in time
     * @throws IllegalArgumentException if {@code timeout} is negative
     */
    public <T extends M> Optional<T> receive(Class<T> type, Duration timeout) throws InterruptedException {
        return Optional.ofNullable(await(type::isInstance, true, nanos(timeout))).map(type::cast);
    }

    /** How many messages are waiting. A snapshot: other threads may change it at once. */
    public int size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    /** How many messages were dropped by {@link OverflowPolicy#DROP_NEWEST}; always 0 otherwise. */
    public long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "Mailbox[size=" + size() + ", capacity="
                + (capacity == UNBOUNDED ? "unbounded" : capacity + " " + overflow) + "]";
    }

    /*
     * The one receive loop behind every public receive. Returns null on timeout (messages are
     * never null, so null cannot be mistaken for a message).
     */
    private M await(Predicate<? super M> filter, boolean timed, long nanos) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            Node<M> scanned = head; // the last node tested and rejected by this call
            while (true) {
                if (scanned.removed) {
                    scanned = head; // another receiver took our bookmark: start again from the front
                }
                for (Node<M> node = scanned.next; node != null; scanned = node, node = node.next) {
                    if (filter.test(node.message)) {
                        return unlink(scanned, node);
                    }
                }
                if (!timed) {
                    arrived.await();
                } else if (nanos <= 0) {
                    return null;
                } else {
                    nanos = arrived.awaitNanos(nanos);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void append(M message) {
        assert lock.isHeldByCurrentThread();
        Node<M> node = new Node<>(message);
        tail.next = node;
        tail = node;
        size++;
        arrived.signalAll();
    }

    private M unlink(Node<M> previous, Node<M> node) {
        assert lock.isHeldByCurrentThread() && previous.next == node;
        previous.next = node.next;
        if (tail == node) {
            tail = previous;
        }
        size--;
        node.removed = true;
        M message = node.message;
        node.message = null;
        return message;
    }

    private static boolean any(Object message) {
        return true;
    }

    private static long nanos(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        return TimeUnit.NANOSECONDS.convert(timeout); // saturates, unlike Duration.toNanos()
    }
}
