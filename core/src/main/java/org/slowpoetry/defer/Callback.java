package org.slowpoetry.defer;

/**
 * One callback or errback in a {@link Deferred}'s chain: takes the current result and returns the
 * next one. Unlike {@link java.util.function.Function} it may throw any exception, because a
 * Deferred catches whatever a callback throws and sends it down the errback line (Part 9).
 *
 * <p>What the returned value means depends on how the callback was added; see
 * {@link Deferred#addCallbacks} for the Twisted rules (a value, a {@link Failure}, or a Deferred to
 * wait for) and {@link Deferred#thenApply} for the typed variants.
 *
 * <p><b>Threading:</b> called on the thread that fires the Deferred or adds the callback to a
 * fired one: the event loop's thread, or the one thread of a program without a reactor.
 *
 * @param <T> what the callback receives
 * @param <R> what it returns
 */
@FunctionalInterface
public interface Callback<T, R> {

    /** Receives the current result and returns the next one, or throws to fail. */
    R call(T result) throws Exception;
}
