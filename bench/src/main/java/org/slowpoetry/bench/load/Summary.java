package org.slowpoetry.bench.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The repeats of each (scenario, size, row) folded into medians and ranges.
 *
 * <p><b>Threading:</b> immutable values.
 *
 * @param runs     measurements taken
 * @param complete measurements in which every client or connection was served
 * @param metrics  each metric's median and range over the runs that produced it
 */
record Summary(Scenario scenario, int size, String impl, int runs, int complete, Map<String, Cell> metrics) {

    /** A metric's median and its range over the repeats. */
    record Cell(double median, double min, double max) {
        static final Cell NONE = new Cell(Double.NaN, Double.NaN, Double.NaN);

        boolean present() {
            return Double.isFinite(median);
        }
    }

    Cell cell(String metric) {
        return metrics.getOrDefault(metric, Cell.NONE);
    }

    boolean allComplete() {
        return runs > 0 && complete == runs;
    }

    /** Summaries in table order: scenario, size, then the rows' order in {@link Contenders#ALL}. */
    static List<Summary> of(List<Measurement> measurements) {
        Map<Scenario, Map<Integer, Map<String, List<Measurement>>>> grouped = new TreeMap<>();
        for (Measurement m : measurements) {
            grouped.computeIfAbsent(m.scenario(), k -> new TreeMap<>())
                    .computeIfAbsent(m.size(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(m.contender(), k -> new ArrayList<>())
                    .add(m);
        }
        var out = new ArrayList<Summary>();
        grouped.forEach((scenario, bySize) -> bySize.forEach((size, byImpl) -> byImpl.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> order(e.getKey())))
                .forEach(e -> out.add(fold(scenario, size, e.getKey(), e.getValue())))));
        return out;
    }

    private static Summary fold(Scenario scenario, int size, String impl, List<Measurement> runs) {
        var names = runs.stream().flatMap(m -> m.metrics().keySet().stream())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        var cells = new LinkedHashMap<String, Cell>();
        for (String name : names) {
            List<Double> values = runs.stream().map(m -> m.get(name)).toList();
            cells.put(name, new Cell(Stats.median(values), Stats.min(values), Stats.max(values)));
        }
        int complete = (int) runs.stream().filter(Measurement::complete).count();
        return new Summary(scenario, size, impl, runs.size(), complete, cells);
    }

    private static int order(String impl) {
        int i = Contenders.ALL.indexOf(impl);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** The row called {@code impl} among {@code all} for the same scenario and size, if measured. */
    Optional<Summary> peer(List<Summary> all, String impl) {
        return all.stream().filter(s -> s.scenario == scenario && s.size == size && s.impl.equals(impl)).findFirst();
    }

    Map<String, Object> toMap() {
        var m = new LinkedHashMap<String, Object>();
        m.put("scenario", scenario.label());
        m.put("size", size);
        m.put("impl", impl);
        m.put("runs", runs);
        m.put("complete", complete);
        var cells = new LinkedHashMap<String, Object>();
        metrics.forEach((k, c) -> cells.put(k, List.of(c.median(), c.min(), c.max())));
        m.put("metrics (median, min, max)", cells);
        return m;
    }
}
