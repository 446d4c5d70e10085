/**
 * {@code slowpoetry simulate}: Part 9's Deferred simulator on the command line, over the library in
 * {@link org.slowpoetry.defer.simulator} (which parses the chain, fires real Deferreds and draws
 * them). This package reads the chain (a prompt at a terminal, a pipe, a file, or one of the
 * shipped examples of Parts 9 and 10) and reports bad input in one line.
 *
 * <p>Start reading at {@link org.slowpoetry.clients.simulate.SimulateCommand}.
 */
package org.slowpoetry.clients.simulate;
