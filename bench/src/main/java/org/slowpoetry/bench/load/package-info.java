/**
 * {@code slowpoetry bench load}: every server style measured side by side, each in its own process
 * ({@link org.slowpoetry.bench.load.BenchServerCommand}), driven by a separate load-generator
 * process of virtual-thread clients ({@link org.slowpoetry.bench.load.LoadGenerator}), over the
 * scenarios of {@link org.slowpoetry.bench.load.Scenario}; {@link org.slowpoetry.bench.load.LoadRunner}
 * runs a {@link org.slowpoetry.bench.load.Plan}, {@link org.slowpoetry.bench.load.Report} and
 * {@link org.slowpoetry.bench.load.Charts} present it.
 */
package org.slowpoetry.bench.load;
