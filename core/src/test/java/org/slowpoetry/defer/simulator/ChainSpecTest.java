package org.slowpoetry.defer.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.slowpoetry.defer.simulator.ChainSpec.Kind;
import org.slowpoetry.defer.simulator.ChainSpec.Pair;
import org.slowpoetry.defer.simulator.ChainSpec.Step;

/** Reading the simulator's chain spec lines, with line/column errors. */
class ChainSpecTest {

    @Test
    void aLineIsACallbackAndAnErrback() {
        assertEquals(new Pair(new Step(Kind.RETURN, "good"), new Step(Kind.FAIL, "bad")),
                ChainSpec.parseLine("r good f bad", 1));
    }

    @Test
    void commandsMayBeAbbreviatedToAnyPrefixInAnyCase() {
        assertEquals(new Pair(new Step(Kind.RETURN, "x"), new Step(Kind.PASSTHRU, null)),
                ChainSpec.parseLine("  RET x   Pass ", 1));
        assertEquals(new Pair(new Step(Kind.FAIL, "y"), new Step(Kind.PASSTHRU, null)),
                ChainSpec.parseLine("fail y passthru", 1));
    }

    @Test
    void blankAndCommentLinesAreSkippedAndCommentsEndALine() {
        ChainSpec spec = ChainSpec.parse(List.of("", "r good f bad  # callback returns 'good'", "# just a note", "f googly p"));
        assertEquals(2, spec.pairs().size());
        assertNull(ChainSpec.parseLine("   ", 3));
    }

    @Test
    void theTextsClient50ExerciseParses() {
        ChainSpec spec = ChainSpec.parse(List.of("r poem p", "r None r None", "r None r None"));
        assertEquals("return poem", spec.pairs().get(0).callback().caption());
        assertEquals("passthru", spec.pairs().get(0).errback().caption());
    }

    @Test
    void aBadCommandIsReportedWithItsColumn() {
        ChainSpecException e = assertThrows(ChainSpecException.class, () -> ChainSpec.parseLine("r good x bad", 2));
        assertEquals(2, e.line());
        assertEquals(8, e.column());
        assertEquals("line 2, column 8: bad command: x (return, fail or passthru, or r, f or p)", e.getMessage());
    }

    @Test
    void aMissingErrbackIsReportedAtTheEndOfTheLine() {
        ChainSpecException e = assertThrows(ChainSpecException.class, () -> ChainSpec.parseLine("r good", 1));
        assertEquals(7, e.column());
        assertEquals("missing command (return VALUE, fail VALUE or passthru)", e.problem());
    }

    @Test
    void aMissingValueIsReported() {
        ChainSpecException e = assertThrows(ChainSpecException.class, () -> ChainSpec.parseLine("p f", 4));
        assertEquals("line 4, column 4: missing argument: fail needs a VALUE", e.getMessage());
    }

    @Test
    void aValueLongerThanSixCharactersIsReported() {
        ChainSpecException e = assertThrows(ChainSpecException.class, () -> ChainSpec.parseLine("r toolong p", 1));
        assertEquals(3, e.column());
        assertEquals("result more than 6 chars long: toolong", e.problem());
    }

    @Test
    void aValueMustBeLettersAndDigits() {
        ChainSpecException e = assertThrows(ChainSpecException.class, () -> ChainSpec.parseLine("r it's p", 1));
        assertEquals(3, e.column());
    }

    @Test
    void extraWordsAreReported() {
        ChainSpecException e = assertThrows(ChainSpecException.class, () -> ChainSpec.parseLine("p p p", 1));
        assertEquals("line 1, column 5: extra arguments", e.getMessage());
    }

    @Test
    void aSpecNeedsAtLeastOnePair() {
        ChainSpecException e = assertThrows(ChainSpecException.class, () -> ChainSpec.parse(List.of("", "# nothing")));
        assertEquals("enter at least one callback/errback pair", e.problem());
    }

    @Test
    void theFirstBadLineIsTheOneReported() {
        ChainSpecException e = assertThrows(ChainSpecException.class,
                () -> ChainSpec.parse(List.of("p p", "r ok z", "q")));
        assertEquals(2, e.line());
        assertEquals(6, e.column());
    }
}
