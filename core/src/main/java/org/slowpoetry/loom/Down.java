package org.slowpoetry.loom;

import java.util.Objects;

/**
 * The notice a monitor receives when the process it watches ends: Erlang's
 * {@code {'DOWN', Ref, process, Pid, Reason}}. It is put into the watcher's {@link Mailbox} by the
 * ending process's own thread, as its last act, for every way of ending: normal return, crash, or
 * {@link Pid#exit(String)}. A monitor set on a process that has already ended gets its notice at
 * once.
 *
 * {@snippet :
 * var worker = scope.spawnMonitor(inbox, "task-1", self -> fetch(address));
 * Down down = inbox.receive(Down.class);
 * assert down.ref().equals(worker.ref()) && down.pid() == worker.pid();
 * }
 *
 * <p><b>Threading:</b> an immutable value; the {@link Pid} it names is thread-safe.
 *
 * @param ref    the ref returned when the monitor was set
 * @param pid    the process that ended
 * @param reason why it ended
 */
public record Down(MonitorRef ref, Pid<?> pid, ExitReason reason) {
    public Down {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(reason, "reason");
    }
}
