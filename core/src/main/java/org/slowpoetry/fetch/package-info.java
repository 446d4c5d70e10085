/**
 * Fetching one poem, the same way in every style: the rules of a download, its failures as values,
 * and the blocking fetch that the blocking and Loom clients share.
 *
 * <ul>
 *   <li>{@link org.slowpoetry.fetch.FetchFailure}: every way a download can fail, sealed, so the
 *       one presentation layer that words them handles each.</li>
 *   <li>{@link org.slowpoetry.fetch.PoemDownload}: one poem on its way, fed by a blocking socket or
 *       a reactor protocol alike; what counts as a poem (at least one byte, within the limit) and
 *       how a JDK exception is classified.</li>
 *   <li>{@link org.slowpoetry.fetch.FetchSettings}: the bounds: connect and idle-read timeout, the
 *       largest poem.</li>
 *   <li>{@link org.slowpoetry.fetch.BlockingFetch}: Part 2's blocking client code for one poem,
 *       which every Loom client runs on a virtual thread; it throws
 *       {@link org.slowpoetry.fetch.FetchException}.</li>
 * </ul>
 */
package org.slowpoetry.fetch;
