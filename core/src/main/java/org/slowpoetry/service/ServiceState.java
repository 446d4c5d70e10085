package org.slowpoetry.service;

/**
 * Where a {@link Service} is in its one life. A service is started once and stopped once:
 *
 * <pre>
 *   NEW ──start()──▶ STARTING ──▶ RUNNING ──stop()──▶ STOPPING ──▶ STOPPED
 *                        │
 *                        └── the start step threw ──▶ FAILED
 * </pre>
 *
 * Twisted's {@code IService} has a {@code running} flag; a state says more (a service that failed
 * to start is not one that was never started) and makes misuse detectable: a second
 * {@code start()} finds the state is not {@code NEW} and throws.
 *
 * <p><b>Threading:</b> an enum, immutable.
 */
public enum ServiceState {
    /** Made, not started. */
    NEW,
    /** Its start step is running. */
    STARTING,
    /** Started: serving, listening, holding what it loaded. */
    RUNNING,
    /** Its stop step has begun and has not finished (a reactor service's Deferred has not fired). */
    STOPPING,
    /** Stopped; final. Stopping again does nothing. */
    STOPPED,
    /** Its start step threw; final. The step left nothing open (its contract), so there is nothing to stop. */
    FAILED;

    /** Whether this state is final: {@link #STOPPED} or {@link #FAILED}. */
    public boolean isFinal() {
        return this == STOPPED || this == FAILED;
    }
}
