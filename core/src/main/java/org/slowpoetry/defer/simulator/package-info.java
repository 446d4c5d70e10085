/**
 * Part 9's Deferred simulator as a library: {@link org.slowpoetry.defer.simulator.ChainSpec} reads
 * the text's {@code r VALUE} / {@code f VALUE} / {@code p} pairs, and
 * {@link org.slowpoetry.defer.simulator.DeferredSimulator} fires real Deferreds built from them and
 * draws the text's ASCII pictures. A CLI command can wrap it.
 *
 * <p><b>Threading:</b> see each type; nothing here is shared between threads.
 */
package org.slowpoetry.defer.simulator;
