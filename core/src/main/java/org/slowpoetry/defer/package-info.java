/**
 * Deferreds: Twisted's answer to "how do I hand a result, or an error, to code that asked for it
 * and did not wait" (Parts 6 to 10 and 17 to 19 of the text), in Java.
 *
 * <p>Where to start reading:
 * <ul>
 * <li>{@link org.slowpoetry.defer.Failure}: an exception as a value, so it can travel through
 *     callbacks (Part 6).
 * <li>{@link org.slowpoetry.defer.Deferred}: the pair of callback chains, the firing rules, chaining
 *     on inner Deferreds, pausing, cancellation and timeouts (Parts 7 to 10, 13 and 19); its
 *     implementation overview explains the iterative loop that keeps long chains off the stack.
 * <li>{@link org.slowpoetry.defer.DeferredList}, {@link org.slowpoetry.defer.DeferredDict} and
 *     {@link org.slowpoetry.defer.Deferred#gatherResults}: many Deferreds as one (Part 18).
 * <li>{@link org.slowpoetry.defer.InlineCallbacks}: sequential code over Deferreds (Part 17), built on
 *     a virtual thread and a strict hand-off with the loop thread. Its implementation overview is
 *     the bridge between the two styles this project teaches: the same program as a chain of
 *     callbacks and as blocking-looking code, with the guarantee that both see one thread.
 * <li>{@link org.slowpoetry.defer.Generator}: Python generators (Part 17's warm-up), on the same
 *     hand-off.
 * <li>{@link org.slowpoetry.defer.Deferred#fromFuture} and
 *     {@link org.slowpoetry.defer.Deferred#toCompletableFuture}: the bridge to
 *     {@code java.util.concurrent}.
 * </ul>
 *
 * <p><b>Threading:</b> Deferreds, like the callbacks they run, belong to the event loop's thread
 * (or to the one thread of a program without a reactor); each type's documentation says exactly
 * which thread may call what.
 */
package org.slowpoetry.defer;
