package org.slowpoetry.loom;

/**
 * When a {@link Supervisor} restarts a child that has ended: OTP's {@code restart} child-spec
 * field.
 *
 * <p><b>Threading:</b> an enum; immutable.
 */
public enum Restart {

    /** Always restarted, whatever the reason it ended: a server that must always be there. */
    PERMANENT,

    /**
     * Restarted only if it ended abnormally ({@link ExitReason.Failed} or
     * {@link ExitReason.Killed} by someone other than its supervisor); a normal return means its
     * job is done: a task that must finish.
     */
    TRANSIENT,

    /**
     * Never restarted, and forgotten once it ends (even when {@link RestartStrategy#ONE_FOR_ALL}
     * restarts its siblings): a one-off job.
     */
    TEMPORARY
}
