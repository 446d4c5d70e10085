package org.slowpoetry.bench.load;

import java.util.Arrays;
import java.util.List;

/**
 * Percentiles, medians and ranges: the only statistics the bench reports. With three repeats a
 * median and a min–max range say more than a mean and a standard deviation would.
 *
 * <p><b>Threading:</b> stateless; every method may be called from any thread.
 */
final class Stats {
    private Stats() {
    }

    /** The nearest-rank percentile {@code p} (0–100) of sorted {@code values}; NaN if empty. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }

    /** The median of {@code values} (the mean of the middle two for an even count); NaN if empty. */
    static double median(List<Double> values) {
        double[] v = finite(values);
        if (v.length == 0) {
            return Double.NaN;
        }
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    static double min(List<Double> values) {
        double[] v = finite(values);
        return v.length == 0 ? Double.NaN : v[0];
    }

    static double max(List<Double> values) {
        double[] v = finite(values);
        return v.length == 0 ? Double.NaN : v[v.length - 1];
    }

    private static double[] finite(List<Double> values) {
        return values.stream().filter(d -> d != null && Double.isFinite(d)).mapToDouble(Double::doubleValue)
                .sorted().toArray();
    }

    /** Whether {@code [aMin, aMax]} and {@code [bMin, bMax]} overlap. */
    static boolean overlap(double aMin, double aMax, double bMin, double bMax) {
        return aMin <= bMax && bMin <= aMax;
    }

    /** Sorted copy. */
    static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
