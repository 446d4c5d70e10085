package org.slowpoetry.reactor;

/**
 * Something that produces data on its own schedule and can be told to pause: Twisted's
 * {@code IPushProducer}. A {@link Transport} is one (it produces what it reads, and pausing it
 * stops reading), and a producer registered with a transport
 * ({@link Transport#registerProducer}) is paused when the transport's write buffer fills up past
 * its high watermark and resumed when it drains below the low one: flow control, end to end.
 *
 * <p><b>Threading:</b> called on the reactor thread.
 */
public interface Producer {

    /** Stop producing until {@link #resumeProducing()}; data already under way may still arrive. */
    void pauseProducing();

    /** Produce again after {@link #pauseProducing()}. */
    void resumeProducing();

    /** Stop for good: the consumer is gone (the connection was lost). */
    void stopProducing();
}
