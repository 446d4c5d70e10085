/**
 * Thread-per-connection TCP serving: a {@link org.slowpoetry.net.BoundListener} takes clients off a
 * listening socket (pausing after failed accepts, {@link org.slowpoetry.net.AcceptBackoff}), and an
 * {@link org.slowpoetry.net.AcceptLoop} accepts them on a thread of its own and hands each to a
 * {@link org.slowpoetry.net.ConnectionStrategy}: served inline (the blocking servers) or forked into
 * a {@link org.slowpoetry.net.ConnectionScope}, one virtual thread per client (the Loom servers).
 * A started loop is a {@link org.slowpoetry.net.RunningServer}: it owns every thread and socket it
 * makes, and closing it ends them all.
 */
package org.slowpoetry.net;
