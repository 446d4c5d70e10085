/**
 * Part 6's clients: a reusable {@code getPoetry} that reports back with callbacks. {@code callbacks}
 * is client 3.0 ({@link org.slowpoetry.clients.reactor.callbacks.CallbackClient}: one callback,
 * given null when there is no poem), {@code errbacks} client 3.1
 * ({@link org.slowpoetry.clients.reactor.callbacks.ErrbackClient}: a callback and an errback with
 * a {@link org.slowpoetry.defer.Failure} of a {@link org.slowpoetry.fetch.FetchException}). Each
 * {@code getPoetry} starts the one {@link org.slowpoetry.fetch.PoetryClient} with a sink that only
 * delivers; the calling code counts and stops the reactor.
 *
 * <p>Read the two clients' {@code getPoetry} and {@code fetch} methods side by side.
 */
package org.slowpoetry.clients.reactor.callbacks;
