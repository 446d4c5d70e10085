package org.slowpoetry.bench.load;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measured run: one row, one scenario, one size, one repeat.
 *
 * <p><b>Threading:</b> immutable (the metrics map is an unmodifiable copy).
 *
 * @param complete whether every client got the whole poem byte for byte (fetch scenarios) or
 *                 every connection was served (slow-hold)
 * @param metrics  named numbers; NaN where a row cannot tell (a Python heap)
 * @param note     why it is incomplete, or empty
 */
record Measurement(Scenario scenario, String contender, int size, int repeat, boolean complete,
        Map<String, Double> metrics, String note) {

    Measurement {
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    double get(String metric) {
        return metrics.getOrDefault(metric, Double.NaN);
    }

    Map<String, Object> toMap() {
        var m = new LinkedHashMap<String, Object>();
        m.put("scenario", scenario.label());
        m.put("impl", contender);
        m.put("size", size);
        m.put("repeat", repeat);
        m.put("complete", complete);
        m.put("metrics", metrics);
        if (!note.isEmpty()) {
            m.put("note", note);
        }
        return m;
    }
}
