package org.slowpoetry.loom;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Names one monitor, as Erlang's {@code make_ref()} does: the {@link Down} notice for a monitor
 * carries the ref it was made with, so a process watching many others can tell which notice
 * belongs to which request, even when the same process is monitored twice.
 *
 * <p><b>Threading:</b> immutable; refs are unique within the JVM.
 *
 * @param id a number unique to this ref
 */
public record MonitorRef(long id) {
    private static final AtomicLong NEXT = new AtomicLong(1);

    /** A fresh ref, unequal to every other. */
    static MonitorRef next() {
        return new MonitorRef(NEXT.getAndIncrement());
    }

    @Override
    public String toString() {
        return "#Ref<" + id + ">";
    }
}
