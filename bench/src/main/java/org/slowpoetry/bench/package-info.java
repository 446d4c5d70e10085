/**
 * {@code slowpoetry bench}: the benchmarks that answer what the Loom style costs or saves against
 * an explicit reactor, and against what people use today. {@link org.slowpoetry.bench.load} is the
 * side-by-side load harness, {@link org.slowpoetry.bench.netty} the Netty peer it measures against,
 * {@link org.slowpoetry.bench.jmh} the microbenchmarks. See {@code bench/README.md}.
 */
package org.slowpoetry.bench;
