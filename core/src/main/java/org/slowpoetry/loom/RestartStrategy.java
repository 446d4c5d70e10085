package org.slowpoetry.loom;

/**
 * Which children a {@link Supervisor} restarts when one of them has to be restarted.
 *
 * <p><b>Threading:</b> an enum; immutable.
 */
public enum RestartStrategy {

    /** Restart only the child that ended. For children that do not depend on each other. */
    ONE_FOR_ONE,

    /**
     * Stop all the other children (newest first), then start them all again in their start order.
     * For children that only make sense together, so one's crash invalidates the rest. Every child
     * the supervisor still has is started again, a {@link Restart#TRANSIENT} one that had already
     * ended normally included; {@link Restart#TEMPORARY} ones are stopped and dropped.
     */
    ONE_FOR_ALL
}
