package org.slowpoetry.reactor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slowpoetry.time.MonotonicClock;

/**
 * The timers of one event loop: a binary min-heap of {@link ScheduledCall}s ordered by time, then by
 * the order they were scheduled in. Shared by {@link Reactor} and {@link ManualEventLoop}.
 *
 * <p><b>Threading:</b> loop thread only. Every public entry point of a call ({@code cancel},
 * {@code reset}, {@code delay}) goes through {@link #checkInLoop}; the loop's own methods assert.
 */
final class TimerQueue {

    /* Implementation overview
     *
     * Twisted keeps its timers in a heapq and cancels lazily: a cancelled call stays in the heap
     * until it reaches the top, and the heap is rebuilt when more than half of it is cancelled.
     * Netty's DefaultPriorityQueue instead stores each element's heap index in the element, so that
     * removal is O(log n) and nothing cancelled is ever kept. We do the latter: a ScheduledCall
     * knows its index, so cancel() removes it at once and reset()/delay() move it in place. A
     * cancelled timer holds no memory, however many there are.
     *
     * Order is (time, sequence). The sequence number is taken when a call is scheduled, and again
     * when it is reset or delayed, so calls due at the same instant run in the order they were
     * (re)scheduled, as in Twisted.
     */

    /** Who may touch the queue: throws {@link WrongThreadException} elsewhere. */
    interface Guard {
        void checkInLoop(String operation);
    }

    /** Time, then sequence. Reads the fields directly: the public getters check the thread. */
    private static final Comparator<ScheduledCall> ORDER = (a, b) ->
            a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.sequence, b.sequence);

    private final MonotonicClock clock;
    private final Guard guard;
    /** The heap, in slots [0, size). Loop thread only. */
    private ScheduledCall[] heap = new ScheduledCall[16];
    /** Number of calls in the heap. Loop thread only. */
    private int size;
    /** The next sequence number to hand out. Loop thread only. */
    private long nextSequence;

    TimerQueue(MonotonicClock clock, Guard guard) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    MonotonicClock clock() {
        return clock;
    }

    void checkInLoop(String operation) {
        guard.checkInLoop(operation);
    }

    /** Schedules {@code task} to run {@code delay} from now. */
    ScheduledCall schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(task, "task");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay: " + delay);
        }
        var call = new ScheduledCall(this, plus(clock.nanoTime(), delay), nextSequence++, task);
        insert(call);
        return call;
    }

    /** The next sequence number: calls scheduled (or rescheduled) from now on have one at least this. */
    long sequenceMark() {
        return nextSequence;
    }

    /** The call that runs first, or null. */
    ScheduledCall peek() {
        return size == 0 ? null : heap[0];
    }

    /**
     * Removes and returns the first call if it is due at {@code now} and was scheduled before
     * {@code sequenceLimit}; otherwise null. The caller marks it called and runs it.
     */
    ScheduledCall pollDue(long now, long sequenceLimit) {
        ScheduledCall first = peek();
        if (first == null || first.time > now || first.sequence >= sequenceLimit) {
            return null;
        }
        removeAt(0);
        return first;
    }

    int size() {
        return size;
    }

    /** The pending calls in the order they will run (a copy). */
    List<DelayedCall> pending() {
        var copy = new ArrayList<ScheduledCall>(Arrays.asList(heap).subList(0, size));
        copy.sort(ORDER);
        return List.copyOf(copy);
    }

    /** Forgets every pending call (the loop has stopped); they stay active but never run. */
    void clear() {
        for (int i = 0; i < size; i++) {
            heap[i].index = -1;
            heap[i] = null;
        }
        size = 0;
    }

    /** Called by {@link ScheduledCall#cancel()}. */
    void remove(ScheduledCall call) {
        assert heap[call.index] == call;
        removeAt(call.index);
    }

    /** Called by {@link ScheduledCall#reset} and {@link ScheduledCall#delay}: moves it in place. */
    void reschedule(ScheduledCall call, long time) {
        assert heap[call.index] == call;
        call.time = time;
        call.sequence = nextSequence++;
        // The new key can only be larger (later, or same time and a newer sequence) after a delay,
        // but a reset may move it either way: sift in both directions, one of them is a no-op.
        siftDown(siftUp(call.index));
    }

    /** {@code nanos + d}, saturating instead of overflowing for absurdly long delays. */
    static long plus(long nanos, Duration d) {
        long add;
        try {
            add = d.toNanos();
        } catch (ArithmeticException tooLong) {
            add = Long.MAX_VALUE;
        }
        long sum = nanos + add;
        return ((nanos ^ sum) & (add ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private void insert(ScheduledCall call) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = call;
        call.index = size;
        size++;
        siftUp(size - 1);
    }

    private void removeAt(int i) {
        ScheduledCall removed = heap[i];
        size--;
        ScheduledCall last = heap[size];
        heap[size] = null;
        removed.index = -1;
        if (i != size) {
            heap[i] = last;
            last.index = i;
            siftDown(siftUp(i));
        }
        if (heap.length > 64 && size < heap.length / 4) {
            heap = Arrays.copyOf(heap, heap.length / 2); // give memory back after a burst
        }
    }

    private int siftUp(int i) {
        ScheduledCall x = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            ScheduledCall p = heap[parent];
            if (ORDER.compare(x, p) >= 0) {
                break;
            }
            heap[i] = p;
            p.index = i;
            i = parent;
        }
        heap[i] = x;
        x.index = i;
        return i;
    }

    private void siftDown(int i) {
        ScheduledCall x = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && ORDER.compare(heap[right], heap[child]) < 0) {
                child = right;
            }
            if (ORDER.compare(x, heap[child]) <= 0) {
                break;
            }
            heap[i] = heap[child];
            heap[i].index = i;
            i = child;
        }
        heap[i] = x;
        x.index = i;
    }
}
