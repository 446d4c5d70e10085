/**
 * The text's small Deferred-era programs as {@code slowpoetry tour} examples, one class per
 * program, named after its file: {@code twisted-deferred/defer-1.py} is {@link
 * org.slowpoetry.clients.tour.defer.Defer1}, {@code deferred-cancel/defer-cancel-12.py} is
 * {@link org.slowpoetry.clients.tour.defer.DeferCancel12}. Each prints what the text says its
 * program prints, and {@code slowpoetry tour --check} holds it to that
 * ({@code tour/expected/NAME.txt}).
 *
 * <ul>
 * <li>Part 6: {@code failure-1}, {@code failure-2} ({@code twisted-failure/failure-examples.py},
 *     in two halves): {@link org.slowpoetry.defer.Failure}.
 * <li>Part 7: {@code defer-1} to {@code defer-9}: firing, the two lines, firing twice, a
 *     Deferred on the reactor, refactoring with {@code addBoth}. Part 8: {@code defer-block}.
 *     Part 9: {@code defer-unhandled}. Part 13: {@code defer-10}, and exercise 4's
 *     {@code defer-10-errback}. Part 14: {@code defer-11}, and exercise 1's {@code defer-11-fail}.
 * <li>Part 17: {@code gen-1} to {@code gen-4} ({@link org.slowpoetry.defer.Generator}),
 *     {@code inline-callbacks-1}, {@code -2} and {@code -tb}
 *     ({@link org.slowpoetry.defer.InlineCallbacks}).
 * <li>Part 18: {@code deferred-list-1} to {@code -7} ({@link org.slowpoetry.defer.DeferredList}).
 * <li>Part 19: {@code defer-cancel-1} to {@code -12} ({@link org.slowpoetry.defer.Deferred#cancel()}),
 *     and exercise 5's {@code defer-cancel-13}.
 * </ul>
 *
 * <p>How Python's output becomes ours, the same way in every example:
 * <ul>
 * <li>A Failure prints as {@code [Failure instance: java.lang.Exception: I have failed.]} where
 *     the text has {@code [Failure instance: Traceback (failure with no frames): <class
 *     'Exception'>: I have failed.]}; a DeferredList's {@code (True, 'd1 result')} is
 *     {@code (true, d1 result)}; a Deferred is {@code <Deferred@1b6d3586>}.
 * <li>A Python traceback is a Java stack trace (innermost frame first). Where the text's
 *     program crashes, the example prints what {@code java} prints for an exception that escapes
 *     {@code main}, and stops there ({@code Uncaught}).
 * <li>"Unhandled error in Deferred:" appears when the Deferred is garbage collected; the
 *     examples that show it ask for a collection and print the report they get
 *     ({@code UnhandledReports}).
 * <li>Delays are a tenth of the text's (its 5 seconds are 0.5 s), so the whole tour checks in
 *     seconds. Lines the text's programs write to stderr go to the example's one output too.
 * <li>The explanations that {@code defer-10} and {@code defer-11} print between their results
 *     are our own words. The three exercise examples have no program in the text: they are ours
 *     throughout, named after the example they vary ({@code defer-10-errback}) or continuing its
 *     series ({@code defer-cancel-13}).
 * </ul>
 *
 * <p><b>Threading:</b> {@code tour} runs one example at a time, on its own thread. Examples
 * without a reactor run there entirely. Those with one open a {@link org.slowpoetry.reactor.Reactor},
 * run it on a thread they own and wait for it to stop ({@code Loops.run}); their callbacks run
 * on that loop thread. Generator and inline-callbacks bodies run on virtual threads, strictly
 * taking turns with the thread that drives them.
 */
package org.slowpoetry.clients.tour.defer;
