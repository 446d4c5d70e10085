package org.slowpoetry.clients.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpectedOutputTest {

    @Test
    void literalLinesMustMatchExactlyIgnoringTrailingSpace() {
        var expected = ExpectedOutput.parse("Start!\nStop!\n");
        assertEquals(Optional.empty(), expected.mismatch("Start!  \nStop!\n"));
        assertEquals(Optional.of("line 2: expected 'Stop!', got 'stop!'"), expected.mismatch("Start!\nstop!\n"));
    }

    @Test
    void wildcardMatchesAnyTextWithinALine() {
        var expected = ExpectedOutput.parse("Got 3 poems in <*>\n");
        assertEquals(Optional.empty(), expected.mismatch("Got 3 poems in 0:00:01.5\n"));
        assertTrue(expected.mismatch("Got 2 poems in 0:00:01.5\n").isPresent());
    }

    @Test
    void ellipsisLineMatchesAnyNumberOfLinesIncludingNone() {
        var expected = ExpectedOutput.parse("Traceback:\n...\nDone\n");
        assertEquals(Optional.empty(), expected.mismatch("Traceback:\nDone\n"));
        assertEquals(Optional.empty(), expected.mismatch("Traceback:\n  at a\n  at b\nDone\n"));
        assertTrue(expected.mismatch("Traceback:\n  at a\n").isPresent());
    }

    @Test
    void missingAndExtraLinesAreNamed() {
        var expected = ExpectedOutput.parse("a\nb\n");
        assertEquals(Optional.of("missing line 2: expected 'b'"), expected.mismatch("a\n"));
        assertEquals(Optional.of("extra line 3: 'c'"), expected.mismatch("a\nb\nc\n"));
    }

    @Test
    void regexCharactersInExpectedLinesAreLiteral() {
        var expected = ExpectedOutput.parse("[Failure instance: <*>] (x+y)?\n");
        assertEquals(Optional.empty(), expected.mismatch("[Failure instance: boom] (x+y)?\n"));
        assertTrue(expected.mismatch("[Failure instance: boom] (xxy)\n").isPresent());
    }

    @Test
    void namesWithNumbersSortByValue() {
        List<String> names = new java.util.ArrayList<>(List.of("defer-10", "defer-2", "defer-1", "defer-block"));
        names.sort(TourExamples::natural);
        assertEquals(List.of("defer-1", "defer-2", "defer-10", "defer-block"), names);
    }
}
