/**
 * The Loom twins of the tour's examples: each Twisted idiom of Parts 3 to 19 written as Loom code,
 * runnable as {@code slowpoetry tour NAME-loom} beside its original ({@code tour --loom} lists the
 * pairs) and checked by {@code tour --check} against the original's expected lines.
 */
package org.slowpoetry.clients.tour.loom;
