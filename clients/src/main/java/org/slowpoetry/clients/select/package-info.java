/**
 * The asynchronous client of Part 2, {@code get --style select}, written straight on
 * {@link java.nio.channels.Selector}: every connection at once, non-blocking, on one thread, reading
 * only what has arrived. Its total time is about the slowest poem's: Figure 3 of Part 1. It is the
 * "before" picture of the reactor: the select loop and the poetry logic are still mixed together.
 *
 * <p>Start reading at {@link org.slowpoetry.clients.select.SelectClient#fetch}, then
 * {@code Download}, the per-connection state the loop has to keep.
 */
package org.slowpoetry.clients.select;
