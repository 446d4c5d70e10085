package org.slowpoetry.clients.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.protocol.Address;

/** The demo's last lines: totals, how each style compares with the first, and what threads cost. */
class TotalsTableTest {

    /** A run on one platform thread that added none (as the blocking and select clients). */
    private static final ThreadUse ONE_THREAD = new ThreadUse(0, 0, 1, 0);

    private static StyleRun run(String style, Duration total, boolean failOne) {
        return run(style, total, failOne, ONE_THREAD);
    }

    private static StyleRun run(String style, Duration total, boolean failOne, ThreadUse threads) {
        Address address = Address.parse("1");
        List<TaskOutcome> outcomes = List.of(
                new TaskOutcome.Fetched(1, address, new byte[] {1}, total),
                failOne ? new TaskOutcome.Failed(2, address, new FetchFailure.Refused(address), new byte[0], total)
                        : new TaskOutcome.Fetched(2, address, new byte[] {1}, total));
        var track = new Recording.Track(1, address, Duration.ZERO, List.of(new Recording.Read(total, 10)), total,
                Recording.Ending.FINISHED, "");
        return new StyleRun(style, style, new Recording(total, List.of(track)), outcomes, threads);
    }

    @Test
    void comparesEveryStyleWithTheFirstAsTheTextDoes() {
        var blocking = run("blocking", Duration.ofMillis(23_065), false);
        var select = run("select", Duration.ofMillis(10_133), false);
        var loom = run("loom", Duration.ofMillis(9_900), false);
        assertEquals("2.3x faster", TotalsTable.versus(select, blocking));
        assertEquals("2.3x slower", TotalsTable.versus(blocking, select));
        assertEquals("fastest: loom, 2.3x faster than blocking", TotalsTable.comparison(List.of(blocking, select, loom)));
        assertEquals("fastest: select, 0:00:10.1", TotalsTable.comparison(List.of(select, blocking)));
        assertEquals("select 0:00:10.1", TotalsTable.comparison(List.of(select)));
    }

    @Test
    void tableHasARowPerStyleWithItsRatioToTheFirstThenTheFastestThenWhatOsThreadsMeans() {
        List<String> lines = TotalsTable.render(List.of(
                run("blocking", Duration.ofMillis(23_065), false), run("select", Duration.ofMillis(10_133), true),
                run("erlang", Duration.ofMillis(10_033), false, new ThreadUse(0, 5, 0, 4))),
                Palette.plain());
        assertEquals(List.of(
                "style         total  reads  poems   OS threads  vs blocking",
                "blocking  0:00:23.1      1  2 of 2           0",
                "select    0:00:10.1      1  1 of 2           0  2.3x faster",
                "erlang    0:00:10.0      1  2 of 2    0 +5 JDK  2.3x faster",
                "",
                "fastest: erlang, 2.3x faster than blocking",
                "OS threads: the most alive at once in a run, less those before and kept after"), lines);
    }

    @Test
    void theThreadedRowsOsThreadsAreSetAgainstTheLoomRowsWhenBothRan() {
        var threaded = run("threaded", Duration.ofMillis(10_100), false, new ThreadUse(2, 0, 2, 0));
        var select = run("select", Duration.ofMillis(10_133), false);
        var loom = run("loom", Duration.ofMillis(10_000), false, new ThreadUse(0, 5, 0, 2));
        var warmLoom = run("loom", Duration.ofMillis(10_000), false, new ThreadUse(0, 0, 0, 2));

        assertEquals(List.of(
                "threaded: 2 poems, 2 OS threads of its own (2 platform threads fetched)",
                "loom:     2 poems, 0 OS threads of its own (2 virtual threads fetched)",
                "          and 5 the JDK keeps for every virtual thread (carriers, poller)"),
                TotalsTable.threadsAgainstLoom(List.of(threaded, select, loom)));
        assertEquals(List.of(
                "threaded: 2 poems, 2 OS threads of its own (2 platform threads fetched)",
                "loom:     2 poems, 0 OS threads of its own (2 virtual threads fetched)"),
                TotalsTable.threadsAgainstLoom(List.of(warmLoom, threaded)), "threaded first, whatever the order run");
        assertEquals(List.of(), TotalsTable.threadsAgainstLoom(List.of(threaded, select)), "no loom row: no comparison");
    }

    @Test
    void aSingleStyleHasNoComparisonColumn() {
        assertEquals(List.of("style       total  reads  poems   OS threads", "select  0:00:10.1      1  2 of 2           0", "",
                "select 0:00:10.1", "OS threads: the most alive at once in a run, less those before and kept after"),
                TotalsTable.render(List.of(run("select", Duration.ofMillis(10_133), false)), Palette.plain()));
    }

    @Test
    void shortDurationsRoundToATenth() {
        assertEquals("0:00:23.1", ShortDurations.format(Duration.ofMillis(23_065)));
        assertEquals("0:01:00.0", ShortDurations.format(Duration.ofMillis(59_960)));
        assertEquals("1:00:00.0", ShortDurations.format(Duration.ofHours(1)));
    }
}
