package org.slowpoetry.bench.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * One bar chart per headline metric: sizes along the x axis, a bar per row at each size, the
 * median as the bar and half the range as its error bar. PNG files via XChart's BitmapEncoder.
 *
 * <p><b>Threading:</b> stateless; call from one thread at a time (AWT's headless rendering).
 */
final class Charts {
    private record Spec(String file, Scenario scenario, String metric, String title, String yAxis) {
    }

    private static final List<Spec> SPECS = List.of(
            new Spec("load-fast.png", Scenario.FAST, "poemsPerSecond", "fast: poems served per second (higher is better)",
                    "poems/s"),
            new Spec("load-fast-p99.png", Scenario.FAST, "ttlbP99Millis",
                    "fast: p99 time to last byte (lower is better)", "ms"),
            new Spec("load-fast-large.png", Scenario.FAST_LARGE, "megabytesPerSecond",
                    "fast-large: 1 MiB poems, MB/s (higher is better)", "MB/s"),
            new Spec("load-slow-hold.png", Scenario.SLOW_HOLD, "totalPerConnKiB",
                    "slow-hold: memory per held connection, heap + off-heap (lower is better)", "KiB"),
            new Spec("load-slow-hold-heap.png", Scenario.SLOW_HOLD, "heapPerConnKiB",
                    "slow-hold: Java heap per held connection, after GC (lower is better)", "KiB"),
            new Spec("load-slow-throughput.png", Scenario.SLOW_THROUGHPUT, "vsIdeal",
                    "slow-throughput: completion time / ideal (1.0 is ideal)", "× ideal"));

    private Charts() {
    }

    /** Writes every chart that has data into {@code dir}; returns the files written. */
    static List<Path> write(List<Summary> summaries, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        var written = new ArrayList<Path>();
        for (Spec spec : SPECS) {
            List<Summary> all = summaries.stream()
                    .filter(s -> s.scenario() == spec.scenario() && s.cell(spec.metric()).present()).toList();
            // a cell where some client was not served has a meaningless time (the deadline): leave it out
            List<Summary> rows = all.stream().filter(Summary::allComplete).toList();
            if (rows.isEmpty()) {
                continue;
            }
            String title = spec.title() + (rows.size() < all.size() ? " [⚠ cells with unserved clients left out]" : "");
            CategoryChart chart = new CategoryChartBuilder().width(960).height(540).title(title)
                    .xAxisTitle(spec.scenario().param()).yAxisTitle(spec.yAxis()).build();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            chart.getStyler().setErrorBarsColor(java.awt.Color.DARK_GRAY);
            chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
            Set<Integer> sizes = new LinkedHashSet<>();
            rows.forEach(r -> sizes.add(r.size()));
            Set<String> impls = new LinkedHashSet<>();
            rows.forEach(r -> impls.add(r.impl()));
            List<String> x = sizes.stream().map(n -> String.format("%,d", n)).toList();
            for (String impl : impls) {
                var y = new ArrayList<Double>();
                var err = new ArrayList<Double>();
                for (int size : sizes) {
                    var cell = rows.stream().filter(r -> r.impl().equals(impl) && r.size() == size).findFirst()
                            .map(r -> r.cell(spec.metric())).orElse(Summary.Cell.NONE);
                    y.add(cell.present() ? cell.median() : 0.0);
                    err.add(cell.present() ? (cell.max() - cell.min()) / 2 : 0.0);
                }
                chart.addSeries(impl, x, y, err);
            }
            Path file = dir.resolve(spec.file());
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
            written.add(file);
        }
        return written;
    }
}
