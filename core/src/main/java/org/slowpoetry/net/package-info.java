/**
 * Thread-per-connection TCP serving: a {@link org.slowpoetry.net.BoundListener} takes clients off a
 * listening socket (pausing after failed accepts, {@link org.slowpoetry.net.AcceptBackoff}), and an
 * {@link org.slowpoetry.net.AcceptLoop} accepts them on a thread of its own and hands each to a
 * {@link org.slowpoetry.net.ConnectionStrategy}: served inline (the blocking servers) or forked into
 * a {@link org.slowpoetry.net.ConnectionScope}, one virtual thread per client (the Loom servers).
 * A started loop is a {@link org.slowpoetry.net.RunningServer}: it owns every thread and socket it
 * makes, and closing it ends them all. Its writes to clients are bounded by a
 * {@link org.slowpoetry.net.WriteWatchdog}: a client that takes nothing for the write timeout is
 * closed ({@link org.slowpoetry.net.WriteTimeoutException}), so it holds up no one.
 */
package org.slowpoetry.net;
