package org.slowpoetry.loom;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Supervisor} starts, restarts and stops one child: OTP's child specification.
 *
 * {@snippet :
 * ChildSpec<Request> server = ChildSpec.of("server", Restart.PERMANENT, self -> serve(self.mailbox()));
 * ChildSpec<Object> cleanup = ChildSpec.of("cleanup", Restart.TEMPORARY, self -> purgeOldFiles())
 *         .withShutdown(Duration.ofSeconds(1));
 * }
 *
 * <p>Each start runs {@code body} in a new process with a new mailbox: after a restart the child
 * is a different {@link Pid}, so others should look it up with
 * {@link Supervisor#child(ChildSpec)} rather than keep the old one.
 *
 * <p><b>Threading:</b> an immutable value; {@code body} runs on the child's own virtual thread.
 *
 * @param id       unique among the supervisor's children; names the child's thread
 *                 ({@code SUPERVISOR/ID})
 * @param restart  when to restart it
 * @param body     what the child runs
 * @param shutdown how long the supervisor waits for the child to end after asking it to, before
 *                 going on without it (OTP's {@code shutdown} timeout)
 * @param <M>      the type of the messages the child receives
 */
public record ChildSpec<M>(String id, Restart restart, ProcessBody<M> body, Duration shutdown) {

    /** The shutdown wait when none is given: 5 seconds, as in OTP. */
    public static final Duration DEFAULT_SHUTDOWN = Duration.ofSeconds(5);

    public ChildSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(restart, "restart");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(shutdown, "shutdown");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a child id must not be blank");
        }
        if (shutdown.isNegative()) {
            throw new IllegalArgumentException("shutdown wait must not be negative: " + shutdown);
        }
    }

    /** A child with the default shutdown wait. */
    public static <M> ChildSpec<M> of(String id, Restart restart, ProcessBody<M> body) {
        return new ChildSpec<>(id, restart, body, DEFAULT_SHUTDOWN);
    }

    /** The same child with another shutdown wait. */
    public ChildSpec<M> withShutdown(Duration wait) {
        return new ChildSpec<>(id, restart, body, wait);
    }
}
