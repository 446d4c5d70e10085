package org.slowpoetry.clients.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.protocol.Address;

/** The demo's last lines: totals and how each style compares with the first. */
class TotalsTableTest {

    private static StyleRun run(String style, Duration total, boolean failOne) {
        Address address = Address.parse("1");
        List<TaskOutcome> outcomes = List.of(
                new TaskOutcome.Fetched(1, address, new byte[] {1}, total),
                failOne ? new TaskOutcome.Failed(2, address, "x", new byte[0], total)
                        : new TaskOutcome.Fetched(2, address, new byte[] {1}, total));
        var track = new Recording.Track(1, address, Duration.ZERO, List.of(new Recording.Read(total, 10)), total,
                Recording.Ending.FINISHED, "");
        return new StyleRun(style, style, new Recording(total, List.of(track)), outcomes);
    }

    @Test
    void comparesEveryStyleWithTheFirstAsTheTextDoes() {
        var blocking = run("blocking", Duration.ofMillis(23_065), false);
        var select = run("select", Duration.ofMillis(10_133), false);
        assertEquals("blocking 0:00:23.1  select 0:00:10.1  select is 2.3x faster",
                TotalsTable.comparison(List.of(blocking, select)));
        assertEquals("select 0:00:10.1  blocking 0:00:23.1  blocking is 2.3x slower",
                TotalsTable.comparison(List.of(select, blocking)));
    }

    @Test
    void tableHasARowPerStyleThenTheComparison() {
        List<String> lines = TotalsTable.render(List.of(
                run("blocking", Duration.ofMillis(23_065), false), run("select", Duration.ofMillis(10_133), true)),
                Palette.plain());
        assertEquals(List.of(
                "style         total  reads  poems",
                "blocking  0:00:23.1      1  2 of 2",
                "select    0:00:10.1      1  1 of 2",
                "",
                "blocking 0:00:23.1  select 0:00:10.1  select is 2.3x faster"), lines);
    }

    @Test
    void moreThanTwoStylesCompareOnTwoLinesToFitEightyColumns() {
        List<String> lines = TotalsTable.comparisonLines(List.of(run("blocking", Duration.ofMillis(23_065), false),
                run("select", Duration.ofMillis(10_133), false), run("reactor", Duration.ofMillis(10_488), false)));
        assertEquals(List.of("blocking 0:00:23.1  select 0:00:10.1  reactor 0:00:10.5",
                "select is 2.3x faster, reactor is 2.2x faster"), lines);
    }

    @Test
    void shortDurationsRoundToATenth() {
        assertEquals("0:00:23.1", ShortDurations.format(Duration.ofMillis(23_065)));
        assertEquals("0:01:00.0", ShortDurations.format(Duration.ofMillis(59_960)));
        assertEquals("1:00:00.0", ShortDurations.format(Duration.ofHours(1)));
    }
}
