/**
 * The reactor clients of Parts 4 to 18, as {@code get --style} plugins, and what they share. Each
 * version of the text's client is a style of its own, so they can be run and read side by side:
 *
 * <table>
 * <caption>The versions</caption>
 * <tr><th>style</th><th>text</th><th>how the poem reaches the code that wants it</th></tr>
 * <tr><td>{@code reactor-raw}, {@code reactor-broken}</td><td>1.0 (Part 4)</td>
 *     <td>a {@code ReadDescriptor} per socket ({@link org.slowpoetry.clients.reactor.raw})</td></tr>
 * <tr><td>{@code reactor}, {@code reactor-simple}</td><td>2.0, 2.1 (Part 5)</td>
 *     <td>the factory collects it and stops the reactor ({@link org.slowpoetry.clients.reactor.protocol})</td></tr>
 * <tr><td>{@code callbacks}, {@code errbacks}</td><td>3.0, 3.1 (Part 6)</td>
 *     <td>a callback, then a callback and an errback ({@link org.slowpoetry.clients.reactor.callbacks})</td></tr>
 * <tr><td>{@code deferred}</td><td>4.0 (Part 8)</td><td>a Deferred</td></tr>
 * <tr><td>{@code cummingsify}, {@code cummingsify-5.1}</td><td>5.0, 5.1 (Part 10)</td>
 *     <td>a Deferred with a transformation in its chain</td></tr>
 * <tr><td>{@code inline}</td><td>7.0 (Part 17)</td><td>inline callbacks</td></tr>
 * <tr><td>{@code deferred-list}</td><td>8.0 (Part 18)</td><td>a DeferredList says when all are in
 *     ({@link org.slowpoetry.clients.reactor.deferred})</td></tr>
 * </table>
 *
 * <p>Shared by all of them: {@link org.slowpoetry.clients.reactor.ReactorFetch}, the frame of the
 * text's {@code poetry_main} (a reactor on the chosen selector, run on a thread the fetch owns), and
 * the shared {@link org.slowpoetry.clients.PoemTask}s, each address's books, ended once each.
 * Shared from 2.0 on, and with the proxies that fetch poems too: the one
 * {@link org.slowpoetry.fetch.PoetryClient} (factory and protocol), which reports to a
 * {@link org.slowpoetry.fetch.PoemSink}, or fires the Deferred of its
 * {@link org.slowpoetry.fetch.PoetryClient#getPoetry getPoetry}. Each version is then one small
 * object: its sink (2.0, 2.1), the callbacks its {@code getPoetry} calls (3.0, 3.1), or the chain it
 * adds to the Deferred (4.0 on).
 *
 * <p>Every version honours {@code --timeout} (the connect, and each silence of the server) and
 * writes to stdout what its original writes there; see each style for the differences.
 */
package org.slowpoetry.clients.reactor;
