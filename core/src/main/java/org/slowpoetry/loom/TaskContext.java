package org.slowpoetry.loom;

import java.util.Objects;

/**
 * Who a piece of concurrent work is for: its task number and its peer, carried in a
 * {@link ScopedValue} so that code deep in the call stack (a log line, an error message) can say
 * "Task 3: ..." without every method taking the number as a parameter.
 *
 * {@snippet :
 * ScopedValue.where(TaskContext.CURRENT, new TaskContext(3, "127.0.0.1:10003")).run(() -> {
 *     ...
 *     log.info("Task {}: got {} bytes", TaskContext.current().task(), n); // anywhere below
 * });
 * }
 *
 * <p><b>Why a {@code ScopedValue} and not a {@code ThreadLocal}?</b> A binding is immutable and
 * lasts exactly as long as the {@code run} call that made it, so it cannot leak into the next
 * task a pooled thread runs, and there is no {@code remove()} to forget. Threads forked in a
 * {@link java.util.concurrent.StructuredTaskScope} inherit the bindings of the thread that opened
 * it for free (no copying, unlike {@code InheritableThreadLocal}), which is what a connection's
 * sub-tasks want. And with a million virtual threads, a million {@code ThreadLocal} maps is
 * memory nobody needs.
 *
 * <p><b>Threading:</b> an immutable value; {@link #CURRENT} is read on the thread that bound it,
 * or on threads forked in a scope opened inside the binding.
 *
 * @param task 1-based number of the task (its position on the command line, or the connection
 *             count)
 * @param peer who the task talks to, as {@code host:port}, for messages
 */
public record TaskContext(int task, String peer) {

    /** The context of the task the current thread works for; unbound outside a task. */
    public static final ScopedValue<TaskContext> CURRENT = ScopedValue.newInstance();

    public TaskContext {
        Objects.requireNonNull(peer, "peer");
        if (task < 1) {
            throw new IllegalArgumentException("task numbers start at 1: " + task);
        }
    }

    /**
     * The current thread's task.
     *
     * @throws java.util.NoSuchElementException if the thread is not working for a task
     */
    public static TaskContext current() {
        return CURRENT.get();
    }

    /** {@code Task N}, as the text's clients start their lines. */
    @Override
    public String toString() {
        return "Task " + task;
    }
}
