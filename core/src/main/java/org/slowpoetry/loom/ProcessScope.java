package org.slowpoetry.loom;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The owner of a group of processes: every process is spawned into a scope, and
 * {@link #close()} ends every process still running in it and returns only when all their threads
 * have ended. With try-with-resources, no process outlives the block that made it:
 *
 * {@snippet :
 * Mailbox<Object> inbox = new Mailbox<>();
 * try (var scope = ProcessScope.open("get-poetry")) {
 *     int task = 1;
 *     for (Address address : addresses) {
 *         int number = task++;
 *         scope.spawnMonitor(inbox, "task-" + number, self -> inbox.send(fetch(number, address)));
 *     }
 *     collectPoems(inbox, addresses.size());
 * } // any process still running is exited and joined here
 * }
 *
 * <p><b>Why not a {@link java.util.concurrent.StructuredTaskScope}?</b> A structured task scope
 * is the right owner for <em>subtasks</em>: work forked by one thread, joined by that same thread,
 * whose results it then reads ({@link Scopes#forEachInOrder} is built on one). Erlang-style
 * processes need three things it deliberately does not allow: any process may spawn another
 * (a {@code StructuredTaskScope} only lets its owner thread fork); one process may be ended on its
 * own ({@link Pid#exit}; a task scope can only be cancelled as a whole); and a process's end is
 * reported as a message into an arbitrary mailbox ({@link Down}), not collected by the owner's
 * {@code join}. So {@code ProcessScope} keeps the promise that matters, that no thread escapes its
 * owner, and relaxes the rest: spawning is allowed from any thread while the scope is open, and
 * close is allowed from any thread but the scope's own processes.
 *
 * <p><b>Closing</b> is idempotent. It refuses new spawns at once ({@link State#CLOSING}), calls
 * {@link Pid#exit} on each live process, newest first, with the reason
 * {@code "scope 'NAME' closed"}, then waits for each to end. If the closing thread is interrupted
 * it keeps waiting (a scope that gave up would leak threads) and returns with its interrupt status
 * set, as {@code StructuredTaskScope.close()} does. A process that ignores interrupts delays close
 * until it ends: Java cannot kill a thread, only ask.
 *
 * <p><b>Threading:</b> thread-safe. {@link #spawn} and {@link #spawnMonitor} may be called from any
 * thread, including the scope's own processes, until the scope starts closing.
 * {@link #close()} may be called from any thread except a process of this scope (which would wait
 * for itself); spawning happens-before the process's body starts; a process's end happens-before
 * {@code close()} returns.
 */
public final class ProcessScope implements AutoCloseable {

    /*
     * Implementation overview.
     *
     * `live` holds the processes that have not ended, in spawn order. spawn() registers and starts
     * a process under `lock`, and close() moves to CLOSING and snapshots `live` under the same
     * lock, so a process is either refused or in the snapshot: none can slip past a close. Each
     * process removes itself from `live` as it ends (Pid.finish -> ended). close() then works on
     * its snapshot without the lock: exit each, join each thread.
     */

    /**
     * Where a scope is in its life: {@code OPEN → CLOSING → CLOSED}.
     *
     * <p><b>Threading:</b> an enum; immutable.
     */
    public enum State {
        /** Processes may be spawned. */
        OPEN,
        /** {@link #close()} has begun: spawns are refused, live processes are being ended. */
        CLOSING,
        /** Every process has ended. */
        CLOSED
    }

    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    /** Written by {@link #close}; read by spawn and {@link #state}; guarded by {@code lock}. */
    private State state = State.OPEN;
    /** Processes not yet ended, in spawn order. Added by spawn, removed by {@link #ended}; guarded by {@code lock}. */
    private final Set<Pid<?>> live = new LinkedHashSet<>();

    private ProcessScope(String name) {
        this.name = name;
    }

    /**
     * Opens a scope. Close it, normally with try-with-resources, on the thread that owns the
     * work (or any thread that is not one of its processes).
     *
     * @param name for errors, logs and exit reasons
     */
    public static ProcessScope open(String name) {
        return new ProcessScope(requireName(name));
    }

    public String name() {
        return name;
    }

    /**
     * Starts a process running {@code body} on a new virtual thread named {@code name}, with a new
     * unbounded mailbox: Erlang's {@code spawn}.
     *
     * @throws ScopeClosedException if the scope is closing or closed
     */
    public <M> Pid<M> spawn(String name, ProcessBody<M> body) {
        return spawn(name, new Mailbox<>(), body);
    }

    /**
     * Starts a process with a mailbox of the caller's choosing (say, a bounded one).
     *
     * @throws ScopeClosedException if the scope is closing or closed
     */
    public <M> Pid<M> spawn(String name, Mailbox<M> mailbox, ProcessBody<M> body) {
        return launch(newPid(name, mailbox, body));
    }

    /**
     * Starts a process and, before it runs, sets a monitor on it that will put a {@link Down}
     * into {@code watcher}: Erlang's {@code spawn_monitor}. Because the monitor is set first, the
     * notice cannot be missed even if the process ends at once.
     *
     * @throws ScopeClosedException if the scope is closing or closed
     */
    public <M> Monitored<M> spawnMonitor(Mailbox<? super Down> watcher, String name, ProcessBody<M> body) {
        Objects.requireNonNull(watcher, "watcher");
        Pid<M> pid = newPid(name, new Mailbox<>(), body);
        MonitorRef ref = pid.monitor(watcher); // before the thread starts: the Down cannot be missed
        return new Monitored<>(launch(pid), ref);
    }

    /**
     * Like {@link #spawnMonitor(Mailbox, String, ProcessBody)}, with the {@link Down} going to
     * the mailbox of the process {@code watcher}.
     *
     * @throws ScopeClosedException if the scope is closing or closed
     */
    public <M> Monitored<M> spawnMonitor(Pid<? super Down> watcher, String name, ProcessBody<M> body) {
        return spawnMonitor(watcher.mailbox(), name, body);
    }

    /** The processes that have not ended, oldest first. A snapshot. */
    public List<Pid<?>> processes() {
        lock.lock();
        try {
            return List.copyOf(live);
        } finally {
            lock.unlock();
        }
    }

    public State state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends every process still running (newest first) and waits for all of them. Idempotent; a
     * second caller also waits until every process has ended.
     *
     * @throws WrongThreadException if called by one of this scope's own processes
     */
    @Override
    public void close() {
        if (Pid.current().map(Pid::scope).orElse(null) == this) {
            throw new WrongThreadException(
                    "process " + Pid.current().orElseThrow() + " cannot close its own scope '" + name + "'");
        }
        List<Pid<?>> toEnd;
        lock.lock();
        try {
            if (state == State.OPEN) {
                state = State.CLOSING;
            }
            toEnd = new ArrayList<>(live).reversed();
        } finally {
            lock.unlock();
        }
        for (Pid<?> pid : toEnd) {
            pid.exit("scope '" + name + "' closed");
        }
        boolean interrupted = false;
        for (Pid<?> pid : toEnd) {
            while (true) {
                try {
                    pid.thread().join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // keep waiting: giving up would leak the thread
                }
            }
        }
        lock.lock();
        try {
            state = State.CLOSED;
        } finally {
            lock.unlock();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ProcessScope[" + name + ", " + state() + ", " + processes().size() + " live]";
    }

    /** Called by each process's own thread as it ends. */
    void ended(Pid<?> pid) {
        lock.lock();
        try {
            live.remove(pid);
        } finally {
            lock.unlock();
        }
    }

    /** Registers and starts a process, or refuses it if the scope is no longer open. */
    private <M> Pid<M> launch(Pid<M> pid) {
        lock.lock();
        try {
            if (state != State.OPEN) {
                throw new ScopeClosedException("cannot spawn '" + pid.name() + "': scope '" + name + "' is "
                        + state.name().toLowerCase(Locale.ROOT));
            }
            live.add(pid);
            pid.start(); // under the lock: close() never sees a registered process that has not started
            return pid;
        } finally {
            lock.unlock();
        }
    }

    private <M> Pid<M> newPid(String name, Mailbox<M> mailbox, ProcessBody<M> body) {
        requireName(name);
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(body, "body");
        return new Pid<>(this, name, mailbox, body);
    }

    private static String requireName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a name must not be blank");
        }
        return name;
    }
}
