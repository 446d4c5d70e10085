package org.slowpoetry.loom;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A handle on a running process: an Erlang process made of one virtual thread and one
 * {@link Mailbox}. Made only by {@link ProcessScope#spawn} (or a {@link Supervisor}), which owns
 * it. Through the handle anyone may {@link #send} to the process, {@link #monitor} it,
 * {@link #exit} it, or {@link #join} it.
 *
 * <p>The name {@code Pid} (Erlang's process identifier) avoids {@code Process}, which would shadow
 * {@link java.lang.Process} in every file that imports it.
 *
 * {@snippet :
 * try (var scope = ProcessScope.open("demo")) {
 *     Pid<String> printer = scope.spawn("printer", self -> {
 *         while (true) {
 *             System.out.println(self.mailbox().receive());
 *         }
 *     });
 *     printer.send("When I have fears that I may cease to be");
 *     printer.exit("done");                    // interrupts its receive
 *     ExitReason why = printer.join();         // Killed("done")
 * }
 * }
 *
 * <p><b>Life.</b> A process is {@link State#RUNNING} from the moment {@code spawn} returns. It
 * ends when its {@link ProcessBody} returns ({@link ExitReason.Normal}) or throws
 * ({@link ExitReason.Failed}), or after {@link #exit} ({@link ExitReason.Killed}). Then it is
 * {@link State#ENDED}, its exit reason fixed; as its last act its own thread puts a {@link Down}
 * into the mailbox of every monitor, and by the time {@link #join} returns the thread has ended.
 *
 * <p><b>Threading:</b> thread-safe; every method may be called from any thread, except that a
 * process may not {@link #join} itself. The body runs on the process's own virtual thread, with
 * {@link #current()} bound to this handle. Everything the process did happens-before
 * {@link #join} returns, and before its {@link Down} is received.
 *
 * @param <M> the type of the messages the process receives
 */
public final class Pid<M> {

    /*
     * Implementation overview.
     *
     * The thread is created unstarted in the constructor and started by the scope, under the
     * scope's lock, so a scope never sees a registered process whose thread has not started (and
     * Thread.join on an unstarted thread would return at once).
     *
     * `lock` guards the little state that other threads race on: state, killReason, reason,
     * monitors. The exit reason is decided exactly once, in finish(), under the lock, together
     * with state ENDED (so whoever receives a Down sees ENDED): after that,
     * exit() has no effect and monitor() delivers its Down itself instead of registering. So every
     * monitor gets exactly one Down whatever the interleaving.
     *
     * join() is Thread.join(): the process is over only when its thread is, which is the promise
     * ProcessScope.close() builds on.
     */

    /**
     * Where a process is in its life. The only moves are {@code RUNNING → EXITING → ENDED} and
     * {@code RUNNING → ENDED}.
     *
     * <p><b>Threading:</b> an enum; immutable.
     */
    public enum State {
        /** Its body is running (or about to). */
        RUNNING,
        /**
         * {@link Pid#exit(String)} was called and the thread interrupted; the body has not yet
         * ended. It will end with {@link ExitReason.Killed} whatever it does now.
         */
        EXITING,
        /**
         * Its body has ended and its exit reason is decided. Its thread is finishing: it delivers
         * the {@link Down} notices and then ends; {@link Pid#join} waits for that.
         */
        ENDED
    }

    /** The process a thread is running, if it is running one. Bound by {@link #run}. */
    static final ScopedValue<Pid<?>> CURRENT = ScopedValue.newInstance();

    private static final Logger log = LoggerFactory.getLogger(Pid.class);
    private static final AtomicLong IDS = new AtomicLong(1);

    private final long id = IDS.getAndIncrement();
    private final String name;
    private final Mailbox<M> mailbox;
    private final ProcessScope scope;
    private final Thread thread;

    private final ReentrantLock lock = new ReentrantLock();
    /** Written by {@link #exit} (to EXITING) and finish (to ENDED, with {@code reason}); read by anyone; guarded by {@code lock}. */
    private State state = State.RUNNING;
    /** The reason given to the first effective {@link #exit}; written by exit, read by finish; guarded by {@code lock}. */
    private String killReason;
    /** The exit reason, decided once by finish on the process's thread; read by anyone; guarded by {@code lock}. */
    private ExitReason reason;
    /** Monitors to notify; added by {@link #monitor}, drained by finish; guarded by {@code lock}. */
    private final Map<MonitorRef, Mailbox<? super Down>> monitors = new LinkedHashMap<>();

    Pid(ProcessScope scope, String name, Mailbox<M> mailbox, ProcessBody<M> body) {
        this.scope = scope;
        this.name = name;
        this.mailbox = mailbox;
        this.thread = Thread.ofVirtual().name(name).unstarted(() -> run(body));
    }

    /**
     * The process the calling thread is running, like Erlang's {@code self()}; empty on a thread
     * that is not a process. Read from a {@link ScopedValue}, so it costs no lookup table and
     * cannot leak to another thread (threads forked in a {@code StructuredTaskScope} inside the
     * process inherit it, as they are part of the process's work).
     */
    public static Optional<Pid<?>> current() {
        return CURRENT.isBound() ? Optional.of(CURRENT.get()) : Optional.empty();
    }

    /** The name given at spawn; also the name of its thread. */
    public String name() {
        return name;
    }

    /** The process's mailbox. Anyone may send to it; only the process should receive from it. */
    public Mailbox<M> mailbox() {
        return mailbox;
    }

    /** Shorthand for {@code mailbox().send(message)}: Erlang's {@code Pid ! Message}. */
    public boolean send(M message) {
        return mailbox.send(message);
    }

    /** The scope that owns this process. */
    public ProcessScope scope() {
        return scope;
    }

    /** Where the process is in its life. A snapshot. */
    public State state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    /** Why it ended; empty while it is still running. */
    public Optional<ExitReason> exitReason() {
        lock.lock();
        try {
            return Optional.ofNullable(reason);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Asks the process to end, as Erlang's {@code exit(Pid, Reason)}: interrupts its thread and
     * returns at once. The process ends with {@link ExitReason.Killed Killed(why)} however its
     * body reacts (throws {@link InterruptedException}, or returns). Use {@link #join} to wait.
     *
     * <p>Ending a process that has already ended, or is already exiting, is not an error (a
     * supervisor's shutdown can race with a child's own end); it just has no effect.
     *
     * @return {@code true} if this call made the process exit; {@code false} if it had already
     *         ended or been asked to
     */
    public boolean exit(String why) {
        Objects.requireNonNull(why, "why");
        lock.lock();
        try {
            if (state != State.RUNNING) {
                return false; // already exiting, or its reason is already decided
            }
            state = State.EXITING;
            killReason = why;
        } finally {
            lock.unlock();
        }
        thread.interrupt();
        return true;
    }

    /**
     * Sets a monitor: when the process ends, {@code watcher} receives a {@link Down} carrying the
     * returned ref. If it has already ended, the {@code Down} is delivered at once. Monitoring
     * twice gives two notices with different refs. {@code Down}s are delivered even to a full
     * bounded mailbox.
     */
    public MonitorRef monitor(Mailbox<? super Down> watcher) {
        Objects.requireNonNull(watcher, "watcher");
        MonitorRef ref = MonitorRef.next();
        ExitReason already;
        lock.lock();
        try {
            if (reason == null) {
                monitors.put(ref, watcher);
                return ref;
            }
            already = reason;
        } finally {
            lock.unlock();
        }
        watcher.deliver(new Down(ref, this, already));
        return ref;
    }

    /**
     * Waits for the process to end.
     *
     * @return why it ended
     * @throws WrongThreadException if a process calls it on itself (it would wait forever)
     */
    public ExitReason join() throws InterruptedException {
        checkNotSelf("join");
        thread.join();
        return exitReason().orElseThrow();
    }

    /**
     * Waits at most {@code timeout} for the process to end.
     *
     * @return why it ended, or empty if it is still running
     * @throws WrongThreadException if a process calls it on itself
     */
    public Optional<ExitReason> join(Duration timeout) throws InterruptedException {
        checkNotSelf("join");
        return thread.join(timeout) ? exitReason() : Optional.empty();
    }

    @Override
    public String toString() {
        return "<" + name + "#" + id + ">";
    }

    /** Starts the thread; called once by the owning scope, under its lock. */
    void start() {
        thread.start();
    }

    /** The process's thread, for the owning scope to join. */
    Thread thread() {
        return thread;
    }

    private void run(ProcessBody<M> body) {
        Throwable failure = null;
        try {
            ScopedValue.where(CURRENT, this).call(() -> {
                body.run(this);
                return null;
            });
        } catch (Throwable t) {
            failure = t;
        }
        finish(failure);
    }

    private void finish(Throwable failure) {
        ExitReason decided;
        List<Map.Entry<MonitorRef, Mailbox<? super Down>>> watchers;
        lock.lock();
        try {
            decided = killReason != null ? new ExitReason.Killed(killReason)
                    : failure == null ? ExitReason.normal()
                    : new ExitReason.Failed(failure);
            reason = decided;
            state = State.ENDED;
            watchers = new ArrayList<>(monitors.size());
            for (var entry : monitors.entrySet()) {
                watchers.add(Map.entry(entry.getKey(), entry.getValue()));
            }
            monitors.clear();
        } finally {
            lock.unlock();
        }
        for (var watcher : watchers) {
            watcher.getValue().deliver(new Down(watcher.getKey(), this, decided));
        }
        if (decided instanceof ExitReason.Failed(Throwable cause)) {
            if (watchers.isEmpty()) {
                // Nobody is watching: like Erlang's error report, make the crash visible somewhere.
                log.warn("process {} crashed and nobody monitors it", this, cause);
            } else {
                log.debug("process {} crashed", this, cause);
            }
        }
        scope.ended(this);
    }

    private void checkNotSelf(String what) {
        if (Thread.currentThread() == thread) {
            throw new WrongThreadException("process " + this + " cannot " + what + " itself");
        }
    }
}
