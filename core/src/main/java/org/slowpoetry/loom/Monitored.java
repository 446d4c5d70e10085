package org.slowpoetry.loom;

import java.util.Objects;

/**
 * What {@link ProcessScope#spawnMonitor} returns: the new process and the ref its {@link Down}
 * notice will carry. Erlang's {@code {Pid, Ref} = spawn_monitor(Fun)}.
 *
 * <p><b>Threading:</b> an immutable value.
 *
 * @param pid the new process
 * @param ref the ref of the monitor set on it before it started
 * @param <M> the type of the messages the process receives
 */
public record Monitored<M>(Pid<M> pid, MonitorRef ref) {
    public Monitored {
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(ref, "ref");
    }
}
