package org.slowpoetry.loom;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.time.MonotonicClock;

/**
 * An Erlang/OTP supervisor: a process that starts child processes, watches them with monitors,
 * and restarts them by a {@link RestartStrategy} when they end, within a
 * {@link RestartIntensity}. Part 20 closes with this idea, Erlang's answer to errors: do not guard
 * every line against failure; let a worker crash, and have a supervisor above it notice and start
 * it afresh.
 *
 * {@snippet :
 * var fetcher = ChildSpec.<Address>of("fetcher", Restart.PERMANENT, self -> fetchForever(self.mailbox()));
 * try (var supervisor = Supervisor.builder("poetry")
 *         .strategy(RestartStrategy.ONE_FOR_ONE)
 *         .intensity(3, Duration.ofSeconds(5))
 *         .child(fetcher)
 *         .start()) {
 *     supervisor.child(fetcher).orElseThrow().send(address); // always the current incarnation
 *     ...
 * } // children stopped newest first, each given its shutdown wait
 * }
 *
 * <p><b>Life</b> ({@link State}): {@link State#RUNNING} once {@link Builder#start()} returns, with
 * every child started in the order given. {@link #close()} shuts down in order: each child,
 * newest first, is asked to end ({@link Pid#exit}) and given up to its
 * {@link ChildSpec#shutdown()} to do so; then the supervisor is {@link State#STOPPED} and
 * {@link #join()} returns {@link ExitReason.Normal}. If restarts exceed the intensity, the
 * supervisor stops its children the same way and ends {@link State#FAILED}, and {@link #join()}
 * returns {@link ExitReason.Failed} with a {@link RestartIntensityExceededException} saying which
 * child and why. A supervisor is itself an ordinary process body at heart, so supervisors nest:
 *
 * {@snippet :
 * ChildSpec<Object> subtree = ChildSpec.of("subtree", Restart.PERMANENT, self -> {
 *     try (var inner = innerBuilder.start()) {
 *         if (inner.join() instanceof ExitReason.Failed(Throwable why)) {
 *             throw new IllegalStateException("inner supervisor failed", why); // the parent restarts it
 *         }
 *     } // an exit from the parent interrupts join(); closing shuts the subtree down in order
 * });
 * }
 *
 * <p><b>Limits of Java.</b> A Java thread cannot be killed, only interrupted. A child that ignores
 * interrupts past its shutdown wait is left running (with a warning logged) while the supervisor
 * goes on, and {@link #close()} waits for it at the very end, because a supervisor that returned
 * with a thread still running would break the rule that no thread outlives its owner.
 *
 * <p><b>Threading:</b> thread-safe. The supervisor's decisions are all made on its own virtual
 * thread, from the {@link Down} notices in its mailbox, one at a time. {@link #state()},
 * {@link #child}, {@link #restarts()} and {@link #join} may be called from any thread and see the
 * supervisor's latest decisions. {@link #close()} may be called from any thread but the
 * supervisor's children (which it would wait for).
 */
public final class Supervisor implements AutoCloseable {

    /*
     * Implementation overview.
     *
     * Everything lives in one ProcessScope: the children, and the supervisor's own process
     * ("loop"), whose mailbox (`inbox`) receives a Down for every child (spawnMonitor) and the Stop
     * that close() sends. The loop is the only thread that starts, stops or restarts children, so
     * the child list needs no lock; other threads read only `running` (a concurrent map) and the
     * volatile counters.
     *
     * Each child incarnation has its own MonitorRef. A Down whose ref is not a current child's is a
     * leftover from an incarnation the supervisor stopped itself (ONE_FOR_ALL, shutdown) and is
     * ignored, so no separate demonitor step is needed.
     *
     * When the loop gives up it stops the children, records the failure and returns normally:
     * join() turns the record into ExitReason.Failed, and the failure is logged once, as one line.
     *
     * The constructor starts the children on the caller's thread, then spawns the loop;
     * Thread.start() makes those writes visible to the loop. After that only the loop touches
     * `children` and `restartTimes`.
     */

    /**
     * Where a supervisor is in its life: {@code RUNNING → SHUTTING_DOWN → STOPPED | FAILED}.
     *
     * <p><b>Threading:</b> an enum; immutable.
     */
    public enum State {
        /** Children are running and watched. */
        RUNNING,
        /** Closing, or giving up after too many restarts: stopping children newest first. */
        SHUTTING_DOWN,
        /** Closed in order; every child has been asked to end and waited for. */
        STOPPED,
        /** Gave up: restarts exceeded the intensity (or the supervisor itself broke). */
        FAILED
    }

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    /** The message {@link #close()} sends to the loop. */
    private enum Stop {
        INSTANCE
    }

    /** One child slot. Written only by the loop (or by start() before the loop exists). */
    private static final class Child {
        final ChildSpec<?> spec;
        /** The current incarnation, or null when not running. */
        Pid<?> pid;
        /** The monitor on the current incarnation, or null when not running. */
        MonitorRef ref;

        Child(ChildSpec<?> spec) {
            this.spec = spec;
        }
    }

    private final String name;
    private final RestartStrategy strategy;
    private final RestartIntensity intensity;
    private final MonotonicClock clock;
    private final ProcessScope scope;
    private final Mailbox<Object> inbox = new Mailbox<>();
    /** Children in start order; TEMPORARY ones are removed when they end. Loop thread only. */
    private final List<Child> children = new ArrayList<>();
    /** Clock readings of recent restarts, oldest first, within the intensity window. Loop thread only. */
    private final Deque<Long> restartTimes = new ArrayDeque<>();
    /** id → current incarnation. Written by the loop (and start()), read by anyone. */
    private final Map<String, Pid<?>> running = new ConcurrentHashMap<>();
    /** Written by the loop (and start()); read by anyone. */
    private volatile State state = State.RUNNING;
    /** Restarts made so far (a ONE_FOR_ALL restart of every child counts once, as in OTP). Written by the loop. */
    private volatile int restarts;
    /** Why the loop gave up, or null. Written by the loop before it ends; read by join() after. */
    private volatile Throwable failure;
    /** The supervisor's own process. */
    private final Pid<Object> loop;

    /** Starts every child in order, then the supervisor's own process. */
    private Supervisor(String name, RestartStrategy strategy, RestartIntensity intensity, MonotonicClock clock,
            List<ChildSpec<?>> specs) {
        this.name = name;
        this.strategy = strategy;
        this.intensity = intensity;
        this.clock = clock;
        this.scope = ProcessScope.open("supervisor " + name);
        for (ChildSpec<?> spec : specs) {
            var child = new Child(spec);
            children.add(child);
            start(child);
        }
        // Thread.start() in spawn publishes everything above to the loop's thread.
        this.loop = scope.spawn(name, inbox, this::supervise);
    }

    /** Starts describing a supervisor called {@code name}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public State state() {
        return state;
    }

    /** How many restarts it has made. A {@link RestartStrategy#ONE_FOR_ALL} restart counts once. */
    public int restarts() {
        return restarts;
    }

    /** The current incarnation of the child {@code spec} describes, if it is running. */
    @SuppressWarnings("unchecked") // ids are unique, so the pid under spec.id() was started from spec
    public <M> Optional<Pid<M>> child(ChildSpec<M> spec) {
        return Optional.ofNullable((Pid<M>) running.get(spec.id()));
    }

    /** The current incarnation of the child called {@code id}, if it is running. */
    public Optional<Pid<?>> child(String id) {
        return Optional.ofNullable(running.get(id));
    }

    /** Waits for the supervisor to end: {@link ExitReason.Normal} after close, {@link ExitReason.Failed} if it gave up. */
    public ExitReason join() throws InterruptedException {
        return outcome(loop.join());
    }

    /** Waits at most {@code timeout} for the supervisor to end; empty if it is still running. */
    public Optional<ExitReason> join(Duration timeout) throws InterruptedException {
        return loop.join(timeout).map(this::outcome);
    }

    private ExitReason outcome(ExitReason loopEnded) {
        Throwable why = failure;
        return why == null ? loopEnded : new ExitReason.Failed(why);
    }

    /**
     * Shuts down in order (children newest first, each within its shutdown wait) and waits for
     * every thread. Idempotent; after a failure it just waits for what is left.
     *
     * @throws WrongThreadException if called by one of this supervisor's processes
     */
    @Override
    public void close() {
        if (Pid.current().map(Pid::scope).orElse(null) == scope) {
            throw new WrongThreadException("supervisor '" + name + "' cannot be closed by its own child "
                    + Pid.current().orElseThrow());
        }
        inbox.send(Stop.INSTANCE); // never read if the loop has already ended: harmless
        boolean interrupted = false;
        while (true) {
            try {
                loop.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // keep waiting, as ProcessScope.close() does
            }
        }
        scope.close(); // waits for any child that outlived its shutdown wait
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Supervisor[" + name + ", " + strategy + ", " + state + ", " + restarts + " restarts]";
    }

    /* ---- the supervisor's own process ---- */

    private void supervise(Pid<Object> self) throws InterruptedException {
        try {
            while (true) {
                switch (inbox.receive()) {
                    case Down down -> onDown(down);
                    case Stop stop -> {
                        state = State.SHUTTING_DOWN;
                        shutDownAll("supervisor '" + name + "' shutting down");
                        state = State.STOPPED;
                        return;
                    }
                    default -> throw new AssertionError("nothing else is sent to a supervisor's inbox");
                }
            }
        } catch (RuntimeException | Error e) {
            state = State.SHUTTING_DOWN;
            // Debug, not error: the failure is the supervisor's result, reported by join() and
            // state() to whoever owns it; the owner decides whether it is an error worth showing.
            log.debug("supervisor '{}' failed: {}", name, e.getMessage());
            shutDownAll("supervisor '" + name + "' failed");
            failure = e;
            state = State.FAILED;
            // Returns normally: the failure is reported by join() and state().
        }
    }

    private void onDown(Down down) throws InterruptedException {
        Child child = children.stream().filter(c -> down.ref().equals(c.ref)).findFirst().orElse(null);
        if (child == null) {
            return; // a leftover from an incarnation we stopped ourselves
        }
        forget(child);
        boolean restart = switch (child.spec.restart()) {
            case PERMANENT -> true;
            case TRANSIENT -> !down.reason().isNormal();
            case TEMPORARY -> false;
        };
        log.debug("supervisor '{}': child '{}' ended ({}){}", name, child.spec.id(), down.reason(),
                restart ? ", restarting" : "");
        if (child.spec.restart() == Restart.TEMPORARY) {
            children.remove(child);
        }
        if (!restart) {
            return;
        }
        countRestart(child, down.reason()); // throws if that is one restart too many
        switch (strategy) {
            case ONE_FOR_ONE -> start(child);
            case ONE_FOR_ALL -> {
                for (Child other : children.reversed()) {
                    stop(other, "supervisor '" + name + "' restarting all after '" + child.spec.id() + "' ended");
                }
                children.removeIf(c -> c.spec.restart() == Restart.TEMPORARY);
                children.forEach(this::start);
            }
        }
        restarts++;
    }

    private void countRestart(Child child, ExitReason why) {
        long now = clock.nanoTime();
        long window = intensity.period().toNanos();
        restartTimes.addLast(now);
        while (now - restartTimes.peekFirst() > window) {
            restartTimes.removeFirst();
        }
        if (restartTimes.size() > intensity.maxRestarts()) {
            throw new RestartIntensityExceededException(String.format(
                    "supervisor '%s' gave up: child '%s' ended (%s) and restarting it would make %d restarts"
                            + " within %s, more than the limit of %d",
                    name, child.spec.id(), why, restartTimes.size(), intensity.period(), intensity.maxRestarts()),
                    why instanceof ExitReason.Failed(Throwable cause) ? cause : null);
        }
    }

    private void shutDownAll(String why) {
        for (Child child : children.reversed()) {
            try {
                stop(child, why);
            } catch (InterruptedException e) {
                // Killed while shutting down: stop waiting; ProcessScope.close() ends the rest.
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Asks one child to end and waits up to its shutdown wait. */
    private void stop(Child child, String why) throws InterruptedException {
        Pid<?> pid = child.pid;
        if (pid == null) {
            return;
        }
        forget(child);
        pid.exit(why);
        if (pid.join(child.spec.shutdown()).isEmpty()) {
            log.warn("supervisor '{}': child {} did not end within {} of being asked; going on without it",
                    name, pid, child.spec.shutdown());
        }
    }

    private void forget(Child child) {
        running.remove(child.spec.id(), child.pid);
        child.pid = null;
        child.ref = null;
    }

    private void start(Child child) {
        Monitored<?> started = spawn(child.spec);
        child.pid = started.pid();
        child.ref = started.ref();
        running.put(child.spec.id(), started.pid());
    }

    private <M> Monitored<M> spawn(ChildSpec<M> spec) {
        return scope.spawnMonitor(inbox, name + "/" + spec.id(), spec.body());
    }

    /**
     * Describes a supervisor, then starts it. Defaults: {@link RestartStrategy#ONE_FOR_ONE},
     * {@link RestartIntensity#DEFAULT}, {@link MonotonicClock#system()}, no children.
     *
     * <p><b>Threading:</b> not thread-safe; use it on one thread. It may {@link #start()} several
     * independent supervisors.
     */
    public static final class Builder {
        private final String name;
        private RestartStrategy strategy = RestartStrategy.ONE_FOR_ONE;
        private RestartIntensity intensity = RestartIntensity.DEFAULT;
        private MonotonicClock clock = MonotonicClock.system();
        private final List<ChildSpec<?>> specs = new ArrayList<>();

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a supervisor name must not be blank");
            }
            this.name = name;
        }

        public Builder strategy(RestartStrategy strategy) {
            this.strategy = Objects.requireNonNull(strategy, "strategy");
            return this;
        }

        /** At most {@code maxRestarts} restarts within any {@code period}. */
        public Builder intensity(int maxRestarts, Duration period) {
            this.intensity = new RestartIntensity(maxRestarts, period);
            return this;
        }

        /** The clock the intensity window is measured on. */
        public Builder clock(MonotonicClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Adds a child; children start in the order added.
         *
         * @throws IllegalArgumentException if a child with the same id was added already
         */
        public Builder child(ChildSpec<?> spec) {
            Objects.requireNonNull(spec, "spec");
            if (specs.stream().anyMatch(s -> s.id().equals(spec.id()))) {
                throw new IllegalArgumentException("supervisor '" + name + "' already has a child '" + spec.id() + "'");
            }
            specs.add(spec);
            return this;
        }

        /** Starts every child, in order, and the supervisor's own process; returns it running. */
        public Supervisor start() {
            return new Supervisor(name, strategy, intensity, clock, List.copyOf(specs));
        }
    }
}
