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
     * The plot is `plot` columns wide, each column standing for span / plot of time. A task's row
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
     * The lines of one timeline: title, one row per task, axis, labels, legend. No line is wider
     * than the renderer's width (not counting colour codes).
     *
     * @param title     the first line, cut to the width
     * @param recording what happened
     * @param span      the time the full width stands for; at least the recording's total
     */
    public List<String> render(String title, Recording recording, Duration span) {
        if (span.compareTo(recording.total()) < 0) {
            throw new IllegalArgumentException("span " + span + " is shorter than the recording " + recording.total());
        }
        List<String> sizes = recording.tracks().stream().map(t -> t.bytes() + " B").toList();
        int maxTask = recording.tracks().stream().mapToInt(Recording.Track::task).max().orElse(1);
        int left = ("task " + maxTask + " ").length();
        int right = 1 + sizes.stream().mapToInt(String::length).max().orElse(0);
        int plot = width - left - right;
        long spanNanos = Math.max(1, span.toNanos());

        List<String> lines = new ArrayList<>();
        lines.add(palette.bold(cut(title, width)));
        for (int i = 0; i < recording.tracks().size(); i++) {
            Recording.Track track = recording.tracks().get(i);
            String label = pad("task " + track.task(), left);
            String size = " ".repeat(right - sizes.get(i).length()) + sizes.get(i);
            lines.add(palette.task(track.task(), label) + row(track, plot, spanNanos) + size);
        }
        long step = tickStep(spanNanos, plot);
        lines.add(" ".repeat(left) + palette.dim(axis(plot, spanNanos, step)));
        lines.add(" ".repeat(left) + palette.dim(labels(plot, spanNanos, step)));
        lines.addAll(legend(left, recording.total()));
        return lines;
    }

    private String row(Recording.Track track, int plot, long spanNanos) {
        Cell[] cells = new Cell[plot];
        Arrays.fill(cells, Cell.EMPTY);
        int from = column(track.start(), plot, spanNanos);
        int to = column(track.end(), plot, spanNanos);
        Arrays.fill(cells, from, to + 1, Cell.WAITING);
        for (Recording.Read read : track.reads()) {
            cells[column(read.at(), plot, spanNanos)] = Cell.READ;
        }
        if (track.ending() == Recording.Ending.FAILED) {
            cells[to] = Cell.FAILED;
        }
        StringBuilder text = new StringBuilder();
        for (int run = 0; run < plot; ) {
            int end = run;
            while (end < plot && cells[end] == cells[run]) {
                end++;
            }
            text.append(paint(cells[run], track.task(), end - run));
            run = end;
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

    private String axis(int plot, long spanNanos, long step) {
        String[] cells = new String[plot];
        Arrays.fill(cells, palette.axisLine());
        for (long t = step; t <= spanNanos; t += step) {
            cells[column(t, plot, spanNanos)] = palette.axisTick();
        }
        cells[0] = palette.axisStart();
        return String.join("", cells);
    }

    private String labels(int plot, long spanNanos, long step) {
        char[] row = new char[plot];
        Arrays.fill(row, ' ');
        int free = 0; // first column a label may use
        for (long t = 0; t <= spanNanos; t += step) {
            String label = seconds(t);
            int at = column(t, plot, spanNanos);
            if (at >= free && at + label.length() <= plot) {
                label.getChars(0, label.length(), row, at);
                free = at + label.length() + 1;
            }
        }
        return new String(row).stripTrailing();
    }

    /** The key to the marks and the total, on one line if they fit, else on two. */
    private List<String> legend(int left, Duration total) {
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

    /** The column of time {@code at}: the first column for 0, the last for the span's end. */
    private static int column(Duration at, int plot, long spanNanos) {
        return column(at.toNanos(), plot, spanNanos);
    }

    private static int column(long atNanos, int plot, long spanNanos) {
        long col = (long) ((double) atNanos * plot / spanNanos);
        return (int) Math.max(0, Math.min(plot - 1, col));
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

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 3) + "...";
    }
}
