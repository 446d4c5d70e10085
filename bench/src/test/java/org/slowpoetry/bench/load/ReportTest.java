package org.slowpoetry.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static Measurement fast(String impl, int repeat, double poemsPerSecond, boolean complete) {
        return new Measurement(Scenario.FAST, impl, 100, repeat, complete,
                Map.of("poemsPerSecond", poemsPerSecond, "totalSeconds", 100 / poemsPerSecond), complete ? "" : "lost some");
    }

    private static Measurement fast(String impl, int repeat, double poemsPerSecond) {
        return fast(impl, repeat, poemsPerSecond, true);
    }

    private static Report report(List<Measurement> ms) {
        var context = new Report.Context(Plan.tiny(), Map.of("CPU", "test"), "slowpoetry bench load", 3_049,
                List.of("blocking: fast N=100: skipped: because"));
        return new Report(context, ms);
    }

    @Test
    void summariesFoldRepeatsIntoMedianAndRange() {
        var ms = List.of(fast("netty", 1, 100, true), fast("netty", 2, 300, true), fast("netty", 3, 200, true));
        Summary s = Summary.of(ms).getFirst();
        assertEquals(new Summary.Cell(200, 100, 300), s.cell("poemsPerSecond"));
        assertEquals(3, s.runs());
        assertTrue(s.allComplete());
    }

    @Test
    void rowsWithinFifteenPercentAreCalledATieAndSaySo() {
        var ms = new ArrayList<Measurement>();
        for (int r = 1; r <= 3; r++) {
            ms.add(fast("netty", r, 1000 + r, true));
            ms.add(fast("loom", r, 1100 + r, true));
        }
        List<String> ties = report(ms).ties(Scenario.FAST);
        assertEquals(1, ties.size());
        assertTrue(ties.getFirst().contains("tie"), ties.getFirst());
        assertTrue(ties.getFirst().contains("connect/accept"), ties.getFirst());
    }

    @Test
    void rowsWhoseRangesOverlapNettysAreNamedAsTies() {
        var ms = new ArrayList<Measurement>();
        for (int r = 1; r <= 3; r++) {
            ms.add(fast("netty", r, 1000 * r));
            ms.add(fast("loom", r, 1500 * r));
            ms.add(fast("blocking", r, 100 + r));
        }
        List<String> ties = report(ms).ties(Scenario.FAST);
        assertEquals(List.of("N=100: loom ties with netty (the ranges overlap): on 2 cores the kernel's connect/accept"
                + " work and the load generator's own clients take most of the CPU for a small poem, so the server's"
                + " style hardly shows."), ties);
    }

    @Test
    void aClearWinnerIsNoTie() {
        var ms = new ArrayList<Measurement>();
        for (int r = 1; r <= 3; r++) {
            ms.add(fast("netty", r, 1000 + r, true));
            ms.add(fast("loom", r, 2000 + r, true));
        }
        assertEquals(List.of(), report(ms).ties(Scenario.FAST));
    }

    @Test
    void theTableShowsRatiosAgainstNettyIncompleteRunsAndNotes() {
        var ms = List.of(fast("netty", 1, 1000, true), fast("loom", 1, 1500, true), fast("twisted", 1, 500, false));
        String md = report(ms).markdown();
        assertTrue(md.contains("| loom | 100 |"), md);
        assertTrue(md.contains("| 1.50 |"), md);
        assertTrue(md.contains("0/1 ⚠"), md);
        assertTrue(md.contains("- blocking: fast N=100: skipped: because"), md);
    }

    @Test
    void csvHasOneLinePerMeasurementAndEveryMetric() {
        var ms = List.of(fast("netty", 1, 1000, true), fast("loom", 1, 1500, true));
        List<String> lines = report(ms).csv().lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.getFirst().startsWith("scenario,impl,size,repeat,complete,"), lines.getFirst());
        assertTrue(lines.getFirst().contains("poemsPerSecond"));
    }

    @Test
    void theJsonFileParsesBack() {
        var ms = List.of(fast("netty", 1, 1000, true));
        var json = JsonLines.readObject(report(ms).json());
        assertEquals(1, ((List<?>) json.get("measurements")).size());
        assertEquals(1, ((List<?>) json.get("summary")).size());
    }

    @Test
    void aReportReadBackFromItsJsonRendersTheSameTablesAndCsv() {
        var ms = List.of(fast("netty", 1, 1000, true), fast("loom", 1, 1500, true), fast("twisted", 1, 500, false));
        Report original = report(ms);
        Report again = Report.read(original.json());
        assertEquals(original.markdown(), again.markdown());
        assertEquals(original.csv(), again.csv());
    }

    @Test
    void aNoteWithCommasQuotesAndLineBreaksAndAMissingMetricReadBackFromTheCsv() throws IOException {
        var awkward = new Measurement(Scenario.FAST, "loom", 100, 1, false, Map.of("poemsPerSecond", 1.0),
                "lost 3, \"early\"\nthen more");
        String csv = report(List.of(fast("netty", 1, 100), awkward)).csv();
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(csv)).getRecords();
        assertEquals(2, records.size());
        assertEquals("lost 3, \"early\"\nthen more", records.getLast().get("note"));
        assertEquals("1.0", records.getLast().get("poemsPerSecond"));
        assertEquals("", records.getLast().get("totalSeconds"), "a metric the row lacks is empty");
    }

    /** The committed full run: what {@code bench load --from} reads must still read, and write the same file. */
    @Test
    void theCommittedResultsFileReadsBackAndWritesTheSameJson() throws IOException {
        String committed = Files.readString(Path.of("results", "load.json"));
        Report again = Report.read(committed);
        assertEquals(committed, again.json() + "\n");
    }

    @Test
    void aMalformedResultsFileIsOneLineNamingTheOffset() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Report.read("{\"plan\": }"));
        assertTrue(e.getMessage().startsWith("bad JSON at offset 9: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void somethingElseIsNotAResultsFile() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Report.read("{\"plan\": 1}"));
        assertTrue(e.getMessage().startsWith("not a bench load results file"), e.getMessage());
    }

    @Test
    void percentilesAreNearestRank() {
        long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5, Stats.percentile(sorted, 50));
        assertEquals(10, Stats.percentile(sorted, 99));
        assertEquals(10, Stats.percentile(sorted, 100));
        assertTrue(Double.isNaN(Stats.percentile(new long[0], 50)));
        assertEquals(2.5, Stats.median(List.of(1.0, 2.0, 3.0, 4.0)));
    }
}
