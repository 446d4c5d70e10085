/**
 * The Loom clients of Parts 20 and 21: the blocking client's code, unchanged, on a virtual thread
 * per poem, organised several ways. Part 1 weighed the synchronous model (simple code, one task at a
 * time) against the asynchronous one (every task at once, code cut into callbacks); on virtual
 * threads the choice goes away, as Part 20 finds it went away in Erlang: each download blocks as if
 * it had the machine to itself, and the JDK multiplexes them over a few carrier threads with the
 * non-blocking I/O the reactor clients do by hand.
 *
 * <table class="striped">
 * <caption>The styles and the one idea each shows</caption>
 * <thead><tr><th>{@code --style}</th><th>Class</th><th>The idea</th></tr></thead>
 * <tbody>
 * <tr><td>{@code loom}</td><td>{@link org.slowpoetry.clients.loom.LoomClient}</td>
 *     <td>a {@code StructuredTaskScope} owns one subtask per poem; a failure is an outcome, only a
 *     bug throws; the task's identity in a {@code ScopedValue}</td></tr>
 * <tr><td>{@code erlang}</td><td>{@link org.slowpoetry.clients.loom.ErlangClient},
 *     {@code GetPoetry}, {@code CollectPoems}, {@code PoetryMessage}</td>
 *     <td>processes and messages: {@code spawn_monitor}, {@code receive} until every
 *     {@code Down}, selective receive for order, a supervisor for retries</td></tr>
 * <tr><td>{@code haskell}</td><td>{@link org.slowpoetry.clients.loom.HaskellClient}</td>
 *     <td>a thread per poem reporting each line and each poem the moment it is there</td></tr>
 * <tr><td>{@code haskell-lazy}</td><td>{@link org.slowpoetry.clients.loom.LazyHaskellClient},
 *     {@code PoemPiece}</td>
 *     <td>laziness as a stream per poem: readers fill, the owner drains in order</td></tr>
 * <tr><td>{@code callbacks-loom} ... {@code deferred-list-loom}</td>
 *     <td>{@code ReactorClientTwin} and its seven subclasses, {@code PoemThreads},
 *     {@code PoemsWhenAllDone}, {@code FetchThenCummingsify}</td>
 *     <td>reactor clients 3.0 to 8.0 (less 6.0, whose twin is {@code transform-loom}) as plain
 *     code: a callback is the code after the call, an errback a {@code catch}, a Deferred a return
 *     value, {@code inlineCallbacks} not needed, a {@code DeferredList} the scope's joiner</td></tr>
 * </tbody>
 * </table>
 *
 * <p>All four fetch with the blocking client's code, {@link org.slowpoetry.fetch.BlockingFetch} (and
 * {@code PoemLines} to cut it into lines), which bounds every connect and silent read by
 * {@code --timeout}; a download that fails throws a {@link org.slowpoetry.fetch.FetchException}
 * carrying the {@link org.slowpoetry.fetch.FetchFailure} value. Three of the styles catch it in
 * one place, {@code BlockingTask}, which ends the task's {@link org.slowpoetry.clients.PoemTask};
 * the Erlang client's processes let it crash them, and main reads it from the {@code Down}. Start
 * reading at {@code BlockingFetch}, then {@link org.slowpoetry.clients.loom.LoomClient}.
 * The machinery (mailboxes, processes, supervisors, scopes) is in {@link org.slowpoetry.loom}.
 */
package org.slowpoetry.clients.loom;
