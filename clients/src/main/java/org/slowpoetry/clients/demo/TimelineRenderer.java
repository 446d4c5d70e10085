package org.slowpoetry.clients.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Draws a {@link Recording} as text. {@link #render} puts time across: one row per task, a mark in
 * every column in which bytes arrived, a time axis. {@link #renderReads} puts the reads across, one
 * column each in the order they were made. {@link #legend} explains the marks. From the demo, at
 * {@code --no-color} in a UTF-8 terminal:
 *
 * <pre>
 * blocking: one poem after another, one thread, java.net.Socket (Part 2)
 * task 1 ██████████████████████████████                                     3049 B
 * task 2                              ███████████████████                    641 B
 * task 3                                                ███████████████████  646 B
 *        └───────────┴───────────┴───────────┴────────────┴───────────┴────
 *        0s          2s          4s          6s           8s          10s
 *        reads 70 to 135 of 232 in the order they were made
 * task 1 █████████████████████████████████
 * task 2                                  █████████████████████████████████
 * task 3
 *        ┴─────────┴─────────┴─────────┴─────────┴─────────┴─────────┴─────
 *        #70       #80       #90       #100      #110      #120      #130
 *        █ bytes arrived  · waiting for bytes  ✗ failed            total 0:00:10.7
 * </pre>
 *
 * That is Figure 1 of Part 1; the select client's reads come out as Figure 3:
 *
 * <pre>
 *        reads 1 to 66 of 232 in the order they were made
 * task 1 █··█··█··█··█··█··█··█····█··█·█··█··█·█···█·█···█··█···█·█··█··█·
 * task 2 ·█··█··█··█··█··█··█··█··█··█·█····██····██····██··█··█··█··█····█
 * task 3 ··█··█··█··█··█··█··█··██··█····██····█·█···█·█···█··█·█···█··██··
 * </pre>
 *
 * Give every timeline of one demo the same {@code span} so their lengths can be compared by eye.
 *
 * <p><b>Threading:</b> immutable; every method may be called from any thread.
 */
public final class TimelineRenderer {

    /* Implementation overview
     *
     * render: the plot is `plot` columns wide and shows a Window of time, [0, span]; each column
     * stands for span / plot. renderReads: each column is one read instead, so that reads that fall
     * in the same slice of time still get a mark each, in order. Layout fixes the label and size
     * columns from the recording alone, so the two views line up. A task's row
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
     * labels; follow them with {@link #renderReads} if wanted, then the {@link #legend}. No
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
        lines.addAll(plot(recording, layout, Math.max(1, span.toNanos())));
        return lines;
    }

    /**
     * The reads one after another, a column each, in the order the client made them: the row of
     * the task that read is marked, the other tasks under way at that moment are shown waiting.
     * From a blocking client this is Figure 1 in small (one task's reads, then the next task's);
     * from the select client it is Figure 3 (the tasks take turns on one thread). The window of
     * reads shown is centred on the first switch from one task to another. Rows line up with
     * {@link #render}'s.
     */
    public List<String> renderReads(Recording recording) {
        Layout layout = Layout.of(recording, width);
        List<TaskRead> reads = recording.tracks().stream()
                .flatMap(t -> t.reads().stream().map(r -> new TaskRead(t.task(), r.at())))
                .sorted(Comparator.comparing(TaskRead::at).thenComparingInt(TaskRead::task))
                .toList();
        int firstSwitch = 0;
        while (firstSwitch < reads.size() && reads.get(firstSwitch).task() == reads.getFirst().task()) {
            firstSwitch++;
        }
        int first = Math.max(0, Math.min(firstSwitch - layout.plot / 2, reads.size() - layout.plot));
        List<TaskRead> shown = reads.subList(first, Math.min(reads.size(), first + layout.plot));

        List<String> lines = new ArrayList<>();
        String heading = shown.isEmpty() ? "no reads"
                : "reads " + (first + 1) + " to " + (first + shown.size()) + " of " + reads.size()
                        + " in the order they were made";
        lines.add(" ".repeat(layout.left) + palette.dim(cut(heading, width - layout.left)));
        for (Recording.Track track : recording.tracks()) {
            Cell[] cells = new Cell[shown.size()];
            for (int i = 0; i < cells.length; i++) {
                TaskRead read = shown.get(i);
                boolean underWay = read.at().compareTo(track.start()) >= 0 && read.at().compareTo(track.end()) <= 0;
                cells[i] = read.task() == track.task() ? Cell.READ : underWay ? Cell.WAITING : Cell.EMPTY;
            }
            lines.add((palette.task(track.task(), pad("task " + track.task(), layout.left)) + paint(cells, track.task()))
                    .stripTrailing());
        }
        String[] axis = new String[shown.size()];
        char[] labels = new char[shown.size()];
        Arrays.fill(labels, ' ');
        int free = 0;
        for (int i = 0; i < shown.size(); i++) {
            int number = first + i + 1;
            axis[i] = number % 10 == 0 ? palette.axisTick() : palette.axisLine();
            String label = "#" + number;
            if (number % 10 == 0 && i >= free && i + label.length() <= labels.length) {
                label.getChars(0, label.length(), labels, i);
                free = i + label.length() + 1;
            }
        }
        lines.add(" ".repeat(layout.left) + palette.dim(String.join("", axis)));
        lines.add((" ".repeat(layout.left) + palette.dim(new String(labels))).stripTrailing());
        return lines;
    }

    /** A read and the task that made it, for {@link #renderReads}. */
    private record TaskRead(int task, Duration at) {
    }

    /** Column widths shared by {@link #render} and {@link #renderReads}, so their rows line up. */
    private record Layout(int left, int right, int plot, List<String> sizes) {
        static Layout of(Recording recording, int width) {
            List<String> sizes = recording.tracks().stream().map(t -> t.bytes() + " B").toList();
            int maxTask = recording.tracks().stream().mapToInt(Recording.Track::task).max().orElse(1);
            int left = ("task " + maxTask + " ").length();
            int right = 1 + sizes.stream().mapToInt(String::length).max().orElse(0);
            return new Layout(left, right, width - left - right, sizes);
        }
    }

    /** Task rows with their sizes, axis and labels for the time from 0 to {@code spanNanos}. */
    private List<String> plot(Recording recording, Layout layout, long spanNanos) {
        List<String> lines = new ArrayList<>();
        Window window = new Window(spanNanos, layout.plot);
        for (int i = 0; i < recording.tracks().size(); i++) {
            Recording.Track track = recording.tracks().get(i);
            String label = pad("task " + track.task(), layout.left);
            String size = layout.sizes.get(i);
            lines.add(palette.task(track.task(), label) + row(track, window)
                    + " ".repeat(layout.right - size.length()) + size);
        }
        long step = tickStep(spanNanos, layout.plot);
        lines.add(" ".repeat(layout.left) + palette.dim(axis(window, step)));
        lines.add(" ".repeat(layout.left) + palette.dim(labels(window, step)));
        return lines;
    }

    /** The time from 0 to {@code span} nanoseconds spread over {@code columns} columns. */
    private record Window(long span, int columns) {
        int column(Duration at) {
            return column(at.toNanos());
        }

        /** The column of a time; the span's end falls in the last column. */
        int column(long atNanos) {
            assert atNanos >= 0 && atNanos <= span : atNanos;
            return (int) Math.min(columns - 1, (long) ((double) atNanos * columns / span));
        }
    }

    private String row(Recording.Track track, Window window) {
        int plot = window.columns();
        Cell[] cells = new Cell[plot];
        Arrays.fill(cells, Cell.EMPTY);
        int end = window.column(track.end());
        Arrays.fill(cells, window.column(track.start()), end + 1, Cell.WAITING);
        for (Recording.Read read : track.reads()) {
            cells[window.column(read.at())] = Cell.READ;
        }
        if (track.ending() == Recording.Ending.FAILED) {
            cells[end] = Cell.FAILED;
        }
        return paint(cells, track.task());
    }

    /** The cells as text, one colour code per run of equal cells. */
    private String paint(Cell[] cells, int task) {
        StringBuilder text = new StringBuilder();
        for (int run = 0; run < cells.length; ) {
            int stop = run;
            while (stop < cells.length && cells[stop] == cells[run]) {
                stop++;
            }
            text.append(paint(cells[run], task, stop - run));
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
        for (long t = step; t <= window.span(); t += step) {
            cells[window.column(t)] = palette.axisTick();
        }
        cells[0] = palette.axisStart();
        return String.join("", cells);
    }

    private String labels(Window window, long step) {
        char[] row = new char[window.columns()];
        Arrays.fill(row, ' ');
        int free = 0; // first column a label may use
        for (long t = 0; t <= window.span(); t += step) {
            String label = seconds(t);
            int at = window.column(t);
            if (at >= free && at + label.length() <= row.length) {
                label.getChars(0, label.length(), row, at);
                free = at + label.length() + 1;
            }
        }
        return new String(row).stripTrailing();
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

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    /** {@code s}, or its start and {@code ...} if it is wider than {@code width}. */
    static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 3) + "...";
    }
}
