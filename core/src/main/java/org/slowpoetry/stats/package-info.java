/**
 * What a running server's JVM is doing, measured from inside it: a
 * {@link org.slowpoetry.stats.RuntimeStats} streams JFR events in-process (virtual threads started
 * and ended, pinned virtual threads, garbage collections, the reactor loop's slow iterations) and
 * reads the virtual-thread scheduler's MXBean; a {@link org.slowpoetry.stats.StatsLine} is one
 * interval's figures as a value, formatted in one place; a
 * {@link org.slowpoetry.stats.StatsReporter} prints one every interval on a thread it owns.
 * {@code serve --stats SECONDS} uses all three, and {@code bench load}'s server processes the first
 * two. Every recording and thread here is owned by the object that started it and ends with its
 * {@code close()}.
 */
package org.slowpoetry.stats;
