package org.slowpoetry.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.protocol.Address;

/**
 * A {@link TaskListener} that keeps every event as a line of text ({@code started 1 ADDR},
 * {@code received 1 30}, {@code finished 1}, {@code failed 1 REASON}), for the tests of every style.
 *
 * <p><b>Threading:</b> thread-safe; every field is guarded by {@code lock}.
 */
public final class RecordingListener implements TaskListener {
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by {@code lock}. */
    private final List<String> events = new ArrayList<>();
    /** Guarded by {@code lock}. */
    private long bytes;

    @Override
    public void started(int task, Address address) {
        add("started " + task + " " + address);
    }

    @Override
    public void received(int task, int count) {
        lock.lock();
        try {
            bytes += count;
            events.add("received " + task + " " + count);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void finished(int task) {
        add("finished " + task);
    }

    @Override
    public void failed(int task, FetchFailure failure) {
        add("failed " + task + " " + PoetryLines.reason(failure));
    }

    private void add(String event) {
        lock.lock();
        try {
            events.add(event);
        } finally {
            lock.unlock();
        }
    }

    public List<String> events() {
        lock.lock();
        try {
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }

    /** The events of one task, in order. */
    public List<String> events(int task) {
        return events().stream().filter(e -> e.split(" ")[1].equals(String.valueOf(task))).toList();
    }

    /** Whether {@code event} has been heard. */
    public boolean heard(String event) {
        return events().contains(event);
    }

    public long bytes() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }
}
