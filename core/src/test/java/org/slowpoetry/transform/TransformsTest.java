package org.slowpoetry.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TransformsTest {

    @Test
    void upperShoutsEveryLetterWhateverTheDefaultLocale() {
        assertEquals("THE TITLE, IN ISTANBUL\n", Transforms.upper("The title, in istanbul\n"));
    }

    @Test
    void reverseLinesPutsTheLastLineFirstAndKeepsTheFinalNewline() {
        assertEquals("three\ntwo\none\n", Transforms.reverseLines("one\ntwo\nthree\n"));
        assertEquals("three\ntwo\none", Transforms.reverseLines("one\ntwo\nthree"));
    }

    @Test
    void reverseLinesKeepsBlankLinesAndCarriageReturnsWithTheirLines() {
        assertEquals("b\r\n\na\r\n", Transforms.reverseLines("a\r\n\nb\r\n"));
        assertEquals("", Transforms.reverseLines(""));
        assertEquals("\n", Transforms.reverseLines("\n"));
    }
}
