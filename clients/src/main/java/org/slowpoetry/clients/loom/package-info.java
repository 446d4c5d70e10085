/**
 * The Loom clients of Parts 20 and 21: the blocking client's code, unchanged, on a virtual thread
 * per poem, organised four ways. Part 1 weighed the synchronous model (simple code, one task at a
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
 *     <td>a {@code StructuredTaskScope} owns one subtask per poem; a deadline for all of them;
 *     the task's identity in a {@code ScopedValue}</td></tr>
 * <tr><td>{@code erlang}</td><td>{@link org.slowpoetry.clients.loom.ErlangClient},
 *     {@code GetPoetry}, {@code CollectPoems}, {@code PoetryMessage}</td>
 *     <td>processes and messages: {@code spawn_monitor}, {@code receive} until every
 *     {@code Down}, selective receive for order, a supervisor for retries</td></tr>
 * <tr><td>{@code haskell}</td><td>{@link org.slowpoetry.clients.loom.HaskellClient}</td>
 *     <td>a thread per poem reporting each line and each poem the moment it is there</td></tr>
 * <tr><td>{@code haskell-lazy}</td><td>{@link org.slowpoetry.clients.loom.LazyHaskellClient},
 *     {@code PoemPiece}</td>
 *     <td>laziness as a stream per poem: readers fill, the owner drains in order</td></tr>
 * </tbody>
 * </table>
 *
 * <p>All four fetch with the same few lines of blocking code, {@code BlockingFetch} (and
 * {@code PoemLines} to cut it into lines); a download that fails throws
 * {@code FetchFailedException}, whose message is the one line printed
 * for it. Start reading at {@code BlockingFetch}, then {@link org.slowpoetry.clients.loom.LoomClient}.
 * The machinery (mailboxes, processes, supervisors, scopes) is in {@link org.slowpoetry.loom}.
 */
package org.slowpoetry.clients.loom;
