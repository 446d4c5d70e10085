package org.slowpoetry.clients.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slowpoetry.protocol.Address;

/** The timeline drawing, on recordings made by hand (no sockets, no clock). */
class TimelineRendererTest {

    private static Duration s(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static Recording.Read read(double at) {
        return new Recording.Read(s(at), 10);
    }

    /** Task 1 for 3 s, then task 2 for 3 s; task 3 is refused after 1 s. */
    private static final Recording FIXED = new Recording(s(6), List.of(
            new Recording.Track(1, Address.parse("10000"), s(0), List.of(read(1), read(2), read(3)), s(3),
                    Recording.Ending.FINISHED, ""),
            new Recording.Track(2, Address.parse("10001"), s(3), List.of(read(4), read(5)), s(6),
                    Recording.Ending.FINISHED, ""),
            new Recording.Track(3, Address.parse("10002"), s(0), List.of(), s(1),
                    Recording.Ending.FAILED, "failed to connect to 127.0.0.1:10002: Connection refused")));

    @Test
    void drawsOneRowPerTaskWithAMarkPerReadAnAxisAndALegend() {
        var renderer = new TimelineRenderer(60, Palette.plain());
        List<String> lines = new java.util.ArrayList<>(renderer.render("fixed: by hand", FIXED, s(6)));
        lines.addAll(renderer.legend(FIXED));
        assertEquals(List.of(
                "fixed: by hand",
                "task 1 ........#.......#.......#                        30 B",
                "task 2                         ........#.......#....... 20 B",
                "task 3 ........X                                         0 B",
                "       +-------+-------+-------+-------+-------+------+",
                "       0s      1s      2s      3s      4s      5s",
                "       # bytes arrived  . waiting for bytes  X failed",
                "       total 0:00:06.0"), lines);
    }

    @Test
    void noLineIsWiderThanTheWidth() {
        for (int width : new int[] {60, 80, 120}) {
            Recording blocking = Recordings.blocking(Duration.ofMillis(45), 102, 65, 65);
            var renderer = new TimelineRenderer(width, Palette.plain());
            List<String> lines = new java.util.ArrayList<>(renderer.render("t".repeat(200), blocking, blocking.total()));
            lines.addAll(renderer.renderReads(blocking));
            lines.addAll(renderer.legend(blocking));
            for (String line : lines) {
                assertTrue(line.length() <= width, width + ": " + line.length() + ": " + line);
            }
            assertEquals(width, lines.get(1).length(), "task rows fill the width: " + lines.get(1));
        }
    }

    @Test
    void aCommonSpanMakesTheFasterRunVisiblyShorter() {
        Recording blocking = Recordings.blocking(Duration.ofMillis(100), 100, 64, 65);
        Recording select = Recordings.select(Duration.ofMillis(100), 100, 64, 65);
        var renderer = new TimelineRenderer(80, Palette.plain());
        List<String> b = renderer.render("blocking", blocking, blocking.total());
        List<String> s = renderer.render("select", select, blocking.total());

        // blocking: a staircase, each task starts where the one before ended
        assertTrue(b.get(2).indexOf('#') > b.get(1).indexOf('#') + 20, b.get(2));
        assertTrue(b.get(3).indexOf('#') > b.get(2).indexOf('#') + 10, b.get(3));
        // select: all start at once, and the longest ends well before the blocking run does
        assertEquals(s.get(1).indexOf('#'), s.get(2).indexOf('#'));
        assertEquals(s.get(1).indexOf('#'), s.get(3).indexOf('#'));
        assertTrue(s.get(1).lastIndexOf('#') < b.get(3).lastIndexOf('#') / 2 + 10);
    }

    @Test
    void readsInOrderShowTheSelectClientsTasksTakingTurns() {
        // three tasks reading in turn, 30 ms apart: one thread, interleaved (Figure 3)
        Recording interleaved = new Recording(s(0.3), List.of(
                new Recording.Track(1, Address.parse("1"), s(0), List.of(read(0.0), read(0.09), read(0.18)), s(0.3),
                        Recording.Ending.FINISHED, ""),
                new Recording.Track(2, Address.parse("2"), s(0), List.of(read(0.03), read(0.12), read(0.21)), s(0.3),
                        Recording.Ending.FINISHED, ""),
                new Recording.Track(3, Address.parse("3"), s(0), List.of(read(0.06), read(0.15), read(0.24)), s(0.3),
                        Recording.Ending.FINISHED, "")));
        List<String> lines = new TimelineRenderer(60, Palette.plain()).renderReads(interleaved);

        assertEquals(List.of(
                "       reads 1 to 9 of 9 in the order they were made",
                "task 1 #..#..#..",
                "task 2 .#..#..#.",
                "task 3 ..#..#..#",
                "       ---------",
                ""), lines.stream().map(String::stripTrailing).toList());
    }

    @Test
    void readsInOrderAreCentredOnTheFirstSwitchOfTask() {
        // blocking: task 1 reads 100 times, then task 2 starts (Figure 1 in small)
        Recording blocking = Recordings.blocking(Duration.ofMillis(10), 100, 50);
        List<String> lines = new TimelineRenderer(60, Palette.plain()).renderReads(blocking);
        int plot = 60 - "task 2 ".length() - " 1000 B".length();

        assertEquals("       reads " + (101 - plot / 2) + " to " + (100 + plot - plot / 2) + " of 150 in the order they were made",
                lines.get(0));
        assertEquals("task 1 " + "#".repeat(plot / 2), lines.get(1));
        // task 2 starts the moment task 1's last read is done: under way (.) in that column
        assertEquals("task 2 " + " ".repeat(plot / 2 - 1) + "." + "#".repeat(plot - plot / 2), lines.get(2));
        assertTrue(lines.get(4).contains("#100"), lines.get(4));
    }

    @Test
    void colourCodesWrapRunsButDoNotChangeTheText() {
        var colour = new TimelineRenderer(60, new Palette(true, false)).render("fixed", FIXED, s(6));
        var plain = new TimelineRenderer(60, Palette.plain()).render("fixed", FIXED, s(6));
        assertTrue(colour.get(1).contains("\u001b["), colour.get(1));
        assertEquals(plain, colour.stream().map(l -> l.replaceAll("\u001b\\[[0-9;]*m", "")).toList());
    }

    @Test
    void misuseThrows() {
        assertThrows(IllegalArgumentException.class, () -> new TimelineRenderer(TimelineRenderer.MIN_WIDTH - 1, Palette.plain()));
        var renderer = new TimelineRenderer(80, Palette.plain());
        assertThrows(IllegalArgumentException.class, () -> renderer.render("x", FIXED, s(5)));
    }

    @Test
    void ticksAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(Duration.ofSeconds(1).toNanos(), TimelineRenderer.tickStep(s(6).toNanos(), 48));
        assertEquals(Duration.ofSeconds(2).toNanos(), TimelineRenderer.tickStep(s(10).toNanos(), 48));
        assertEquals(Duration.ofSeconds(5).toNanos(), TimelineRenderer.tickStep(s(23).toNanos(), 66));
        assertEquals(Duration.ofMillis(200).toNanos(), TimelineRenderer.tickStep(s(1).toNanos(), 48));
    }
}
