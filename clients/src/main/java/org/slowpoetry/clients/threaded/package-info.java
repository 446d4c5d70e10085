/**
 * The threaded model of Part 1, its Figure 2, as {@code get --style threaded}: the blocking
 * client's code on a platform thread per poem, all started and joined by the calling thread. It
 * sits between the blocking client (Figure 1: the same code, one poem after another) and the
 * asynchronous clients (Figure 3: one thread, every poem at once), and it is the model the Loom
 * clients keep for the code while dropping its price, an OS thread per task.
 *
 * <p>Start reading at {@link org.slowpoetry.clients.threaded.ThreadedClient#fetch}.
 */
package org.slowpoetry.clients.threaded;
