/**
 * The clients built on Deferreds. {@code deferred} is client 4.0 (Part 8): {@code getPoetry}
 * returns a {@link org.slowpoetry.defer.Deferred}. {@code cummingsify} and
 * {@code cummingsify-5.1} are clients 5.0 and 5.1 (Part 10): a flaky transformation in the chain,
 * its bug handled with try/catch in a callback (5.0) or routed to an errback (5.1). {@code transform}
 * is client 6.0 (Part 13): the transform moves to a server, and the callback that calls it returns
 * a Deferred, on which the chain waits. {@code inline} is client 7.0 (Part 17): the same steps as
 * sequential code with
 * {@link org.slowpoetry.defer.InlineCallbacks}. {@code deferred-list} is client 8.0 (Part 18):
 * a {@link org.slowpoetry.defer.DeferredList} says when everything is done.
 *
 * <p>Start reading at {@link org.slowpoetry.fetch.PoetryClient#getPoetry}, then the
 * clients in that order; each one's {@code fetch} is its {@code poetry_main}.
 */
package org.slowpoetry.clients.reactor.deferred;
