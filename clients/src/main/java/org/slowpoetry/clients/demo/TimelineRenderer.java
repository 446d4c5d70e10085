package org.slowpoetry.clients.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Draws a {@link Recording} as text: one row per task with time running across, a mark in every
 * column in which bytes arrived, a time axis, and a legend. Drawn from a blocking fetch it is
 * Figure 1 of Part 1, from the select client it is Figure 3:
 *
 * <pre>
 * blocking: one poem after another, one thread, java.net.Socket (Part 2)
 * task 1 ##############################                                    3049 B
 * task 2                               ###################                  641 B
 * task 3                                                  ###################  646 B
 *        +---------+---------+---------+---------+---------+---------+----
 *        0s        2s        4s        6s        8s        10s       12s
 *        # bytes arrived  . waiting for bytes  X failed      total 0:00:13.1
 * </pre>
 *
 * Give every timeline of one demo the same {@code span} so their lengths can be compared by eye.
 *
 * <p><b>Threading:</b> immutable; {@link #render} may be called from any thread.
 */
public final class TimelineRenderer {

    /* Implementation overview
     *
     * The plot is `plot` columns wide and shows a Window of time: [0, span] for render, a short
     * [from, from + plot * perColumn] for renderZoom; each column stands for span / plot. Layout
     * fixes the label and size columns from the recording alone, so a timeline and its zoom line
     * up. A task's row
     * is a line of cells: blank before the task starts and after it ends, WAITING from start to
     * end, READ in each column where a read happened, FAILED where a failed task ended. The cells
     * are then turned into text run by run, so that a colour code is written once per run. The
     * axis gets a tick every "nice" step (1, 2 or 5 times a power of ten seconds), chosen so the
     * labels are at least LABEL_SPACING columns apart.
     */

    /** The narrowest width that still leaves room for a plot. */
    public static final int MIN_WIDTH = 60;

    private static final int LABEL_SPACING = 8;

    /** What one column of a task's row shows; later values win when several fall in a column. */
    private enum Cell {
        EMPTY,
        WAITING,
        READ,
        FAILED
    }

    private final int width;
    private final Palette palette;

    /**
     * @param width   the total width of every line, in columns
     * @param palette colours and characters
     * @throws IllegalArgumentException if {@code width < MIN_WIDTH}
     */
    public TimelineRenderer(int width, Palette palette) {
        if (width < MIN_WIDTH) {
            throw new IllegalArgumentException("width must be at least " + MIN_WIDTH + ": " + width);
        }
        this.width = width;
        this.palette = Objects.requireNonNull(palette, "palette");
    }

    /**
     * The lines of one timeline: title, one row per task with its bytes at the right, axis, axis
     * labels; follow them with a {@link #renderZoom zoom} if wanted, then the {@link #legend}. No
     * line is wider than the renderer's width (not counting colour codes).
     *
     * @param title     the first line, cut to the width
     * @param recording what happened
     * @param span      the time the full width stands for; at least the recording's total
     * @throws IllegalArgumentException if {@code span} is shorter than the recording
     */
    public List<String> render(String title, Recording recording, Duration span) {
        if (span.compareTo(recording.total()) < 0) {
            throw new IllegalArgumentException("span " + span + " is shorter than the recording " + recording.total());
        }
        Layout layout = Layout.of(recording, width);
        List<String> lines = new ArrayList<>();
        lines.add(palette.bold(cut(title, width)));
        lines.addAll(plot(recording, layout, 0, Math.max(1, span.toNanos()), true));
        return lines;
    }

    /**
     * A magnified piece of a timeline, aligned with {@link #render}'s rows: {@code perColumn} of
     * time in each column from {@code from} on, fine enough that every read gets its own mark. This
     * is where the reader sees one thread switch between tasks (Figure 3) or wait on one (Figure 1).
     *
     * @throws IllegalArgumentException if {@code perColumn} is not positive or {@code from} negative
     */
    public List<String> renderZoom(Recording recording, Duration from, Duration perColumn) {
        if (!perColumn.isPositive() || from.isNegative()) {
            throw new IllegalArgumentException("bad zoom: from " + from + ", " + perColumn + " a column");
        }
        Layout layout = Layout.of(recording, width);
        long fromNanos = from.toNanos();
        long spanNanos = perColumn.toNanos() * layout.plot;
        List<String> lines = new ArrayList<>();
        String heading = "zoom: " + human(fromNanos) + " to " + human(fromNanos + spanNanos) + ", "
                + human(perColumn.toNanos()) + " a column: a mark per read";
        lines.add(" ".repeat(layout.left) + palette.dim(cut(heading, width - layout.left)));
        lines.addAll(plot(recording, layout, fromNanos, spanNanos, false));
        return lines;
    }

    /** Column widths shared by a timeline and its zoom, so their rows line up. */
    private record Layout(int left, int right, int plot, List<String> sizes) {
        static Layout of(Recording recording, int width) {
            List<String> sizes = recording.tracks().stream().map(t -> t.bytes() + " B").toList();
            int maxTask = recording.tracks().stream().mapToInt(Recording.Track::task).max().orElse(1);
            int left = ("task " + maxTask + " ").length();
            int right = 1 + sizes.stream().mapToInt(String::length).max().orElse(0);
            return new Layout(left, right, width - left - right, sizes);
        }
    }

    /** Task rows, axis and labels for the window {@code [fromNanos, fromNanos + spanNanos]}. */
    private List<String> plot(Recording recording, Layout layout, long fromNanos, long spanNanos, boolean sizes) {
        List<String> lines = new ArrayList<>();
        Window window = new Window(fromNanos, spanNanos, layout.plot);
        for (int i = 0; i < recording.tracks().size(); i++) {
            Recording.Track track = recording.tracks().get(i);
            String label = pad("task " + track.task(), layout.left);
            String line = palette.task(track.task(), label) + row(track, window);
            if (sizes) {
                String size = layout.sizes.get(i);
                line += " ".repeat(layout.right - size.length()) + size;
            }
            lines.add(line.stripTrailing());
        }
        long step = tickStep(spanNanos, layout.plot);
        lines.add(" ".repeat(layout.left) + palette.dim(axis(window, step)));
        lines.add(" ".repeat(layout.left) + palette.dim(labels(window, step)));
        return lines;
    }

    /**
     * The time from {@code from} to {@code from + span} spread over {@code columns} columns.
     * {@link #column} is -1 before the window and {@code columns} after it.
     */
    private record Window(long from, long span, int columns) {
        int column(Duration at) {
            return column(at.toNanos());
        }

        int column(long atNanos) {
            if (atNanos < from) {
                return -1;
            }
            long col = (long) ((double) (atNanos - from) * columns / span);
            if (atNanos > from + span) {
                return columns;
            }
            return (int) Math.min(columns - 1, col);
        }
    }

    private String row(Recording.Track track, Window window) {
        int plot = window.columns();
        Cell[] cells = new Cell[plot];
        Arrays.fill(cells, Cell.EMPTY);
        int start = window.column(track.start());
        int end = window.column(track.end());
        if (end >= 0 && start < plot) { // the task overlaps the window
            Arrays.fill(cells, Math.max(0, start), Math.min(plot - 1, end) + 1, Cell.WAITING);
        }
        for (Recording.Read read : track.reads()) {
            int at = window.column(read.at());
            if (at >= 0 && at < plot) {
                cells[at] = Cell.READ;
            }
        }
        if (track.ending() == Recording.Ending.FAILED && end >= 0 && end < plot) {
            cells[end] = Cell.FAILED;
        }
        StringBuilder text = new StringBuilder();
        for (int run = 0; run < plot; ) {
            int stop = run;
            while (stop < plot && cells[stop] == cells[run]) {
                stop++;
            }
            text.append(paint(cells[run], track.task(), stop - run));
            run = stop;
        }
        return text.toString();
    }

    private String paint(Cell cell, int task, int count) {
        return switch (cell) {
            case EMPTY -> " ".repeat(count);
            case WAITING -> palette.dim(palette.waiting().repeat(count));
            case READ -> palette.task(task, palette.read().repeat(count));
            case FAILED -> palette.error(palette.failed().repeat(count));
        };
    }

    private String axis(Window window, long step) {
        String[] cells = new String[window.columns()];
        Arrays.fill(cells, palette.axisLine());
        for (long t = firstTick(window.from(), step); t <= window.from() + window.span(); t += step) {
            int at = window.column(t);
            if (at >= 0 && at < cells.length) {
                cells[at] = palette.axisTick();
            }
        }
        cells[0] = window.from() == 0 ? palette.axisStart() : cells[0];
        return String.join("", cells);
    }

    private String labels(Window window, long step) {
        char[] row = new char[window.columns()];
        Arrays.fill(row, ' ');
        int free = 0; // first column a label may use
        for (long t = firstTick(window.from(), step); t <= window.from() + window.span(); t += step) {
            String label = seconds(t);
            int at = window.column(t);
            if (at >= free && at + label.length() <= row.length) {
                label.getChars(0, label.length(), row, at);
                free = at + label.length() + 1;
            }
        }
        return new String(row).stripTrailing();
    }

    private static long firstTick(long from, long step) {
        return (from + step - 1) / step * step;
    }

    /**
     * The key to the marks and the recording's total, aligned with the rows of {@link #render}: on
     * one line if they fit, else on two.
     */
    public List<String> legend(Recording recording) {
        int left = Layout.of(recording, width).left;
        Duration total = recording.total();
        String key = palette.read() + " bytes arrived  " + palette.waiting() + " waiting for bytes  "
                + palette.failed() + " failed";
        String sum = "total " + ShortDurations.format(total);
        String indent = " ".repeat(left);
        int gap = width - left - key.length() - sum.length();
        if (gap < 2) {
            return List.of(indent + palette.dim(key), indent + palette.bold(sum));
        }
        return List.of(indent + palette.dim(key) + " ".repeat(gap) + palette.bold(sum));
    }

    /** The smallest of 1, 2, 5 × 10^k ms that keeps the labels LABEL_SPACING columns apart. */
    static long tickStep(long spanNanos, int plot) {
        long maxTicks = Math.max(1, plot / LABEL_SPACING);
        for (long magnitude = 1_000_000; ; magnitude *= 10) {
            for (long factor : new long[] {1, 2, 5}) {
                long step = factor * magnitude;
                if (spanNanos / step <= maxTicks) {
                    return step;
                }
            }
        }
    }

    /** {@code 0s}, {@code 2s}, {@code 0.5s}, {@code 0.02s}. */
    private static String seconds(long nanos) {
        return BigDecimal.valueOf(nanos / 1_000_000).movePointLeft(3).stripTrailingZeros().toPlainString() + "s";
    }

    /** {@code 15 ms} below a second, {@code 1.02 s} from a second on. */
    private static String human(long nanos) {
        if (nanos < 1_000_000_000L) {
            return nanos / 1_000_000 + " ms";
        }
        return BigDecimal.valueOf(nanos / 10_000_000).movePointLeft(2).stripTrailingZeros().toPlainString() + " s";
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 3) + "...";
    }
}
