package org.slowpoetry.service;

/**
 * The start and stop steps of a service that works the same in both styles: both steps are
 * immediate (they may read a file, never wait for a peer) and touch nothing of a loop or scope.
 * Written once, it becomes a service of either kind:
 *
 * {@snippet :
 * Lifecycle poems = new PoemLoader(Path.of("poems/ecstasy.txt"));
 * LoomService    forLoom    = LoomService.of("poetry", poems);
 * ReactorService forReactor = ReactorService.of("poetry", reactor, poems);
 * }
 *
 * <p><b>Threading:</b> {@link #start()} and {@link #stop()} are called once each, in that order,
 * by the wrapping service, on the thread its kind runs steps on (any thread for Loom, the loop for
 * the reactor); the wrapper makes writes in {@code start()} visible to the thread calling
 * {@code stop()}.
 */
public interface Lifecycle {

    /**
     * Starts. If it throws, it must leave nothing open: {@link #stop()} will not be called.
     *
     * @throws Exception why it could not start; it becomes the service's start failure
     */
    void start() throws Exception;

    /** Stops; by default there is nothing to do. */
    default void stop() throws Exception {
    }
}
