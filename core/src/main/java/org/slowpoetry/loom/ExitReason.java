package org.slowpoetry.loom;

import java.util.Objects;

/**
 * Why a process ended: Erlang's exit reason. Sealed, so a monitor that receives a {@link Down}
 * handles every case:
 *
 * {@snippet :
 * String report = switch (down.reason()) {
 *     case ExitReason.Normal n -> "finished";
 *     case ExitReason.Failed(Throwable cause) -> "crashed: " + cause;
 *     case ExitReason.Killed(String why) -> "killed: " + why;
 * };
 * }
 *
 * <p><b>Threading:</b> immutable values.
 */
public sealed interface ExitReason {

    /** The body returned: Erlang's {@code normal}. */
    static ExitReason normal() {
        return Normal.INSTANCE;
    }

    /** Whether this is {@link Normal}: the one reason a {@link Restart#TRANSIENT} child is not restarted for. */
    default boolean isNormal() {
        return this instanceof Normal;
    }

    /** The process's body returned normally. */
    record Normal() implements ExitReason {
        static final Normal INSTANCE = new Normal();

        @Override
        public String toString() {
            return "normal";
        }
    }

    /**
     * The body threw {@code cause} (any {@link Throwable}, as an uncaught exception would end a
     * thread): the process crashed.
     */
    record Failed(Throwable cause) implements ExitReason {
        public Failed {
            Objects.requireNonNull(cause, "cause");
        }

        @Override
        public String toString() {
            return "failed: " + cause;
        }
    }

    /**
     * Someone called {@link Pid#exit(String)}, directly or by closing the process's
     * {@link ProcessScope} or {@link Supervisor}. Whatever the body did after the interrupt
     * (returned, or threw the {@code InterruptedException}) the reason is this one, as in Erlang,
     * where {@code exit(Pid, Reason)} decides how the process ends.
     */
    record Killed(String reason) implements ExitReason {
        public Killed {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "killed: " + reason;
        }
    }
}
