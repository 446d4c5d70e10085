/**
 * The blocking client of Part 2, {@code get --style blocking}: a plain {@link java.net.Socket} per
 * poem, one poem after another on the calling thread. Its total time is the sum of the poems'
 * times: Figure 1 of Part 1.
 *
 * <p>Start reading at {@link org.slowpoetry.clients.blocking.BlockingClient#fetch}.
 */
package org.slowpoetry.clients.blocking;
