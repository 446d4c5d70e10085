package org.slowpoetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {

    @ParameterizedTest(name = "''{0}'' is {1} bytes")
    @CsvSource({"0, 0", "4096, 4096", "64k, 65536", "64K, 65536", "16m, 16777216", "1g, 1073741824",
        "' 2k ', 2048", "8589934591g, 9223372035781033984", "512KB, 524288", "16 MB, 16777216", "1MiB, 1048576",
        "10b, 10", "10 B, 10"})
    void bytesOrAWholeNumberWithABinarySuffixIsASize(String text, long bytes) {
        assertEquals(bytes, ByteSize.parse(text));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "k", "1.5m", "-1", "16 m b", "16mbb", "16ib", "1t", "x", "0x10", "1kmb"})
    void anythingElseIsNotASize(String text) {
        var e = assertThrows(IllegalArgumentException.class, () -> ByteSize.parse(text));
        assertEquals("not a size: write bytes, or a whole number with k, m or g (64k, 16m)", e.getMessage());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"9223372036854775808", "8589934592g", "99999999999999999999k"})
    void aSizePastALongIsTooLarge(String text) {
        assertEquals("too large", assertThrows(IllegalArgumentException.class, () -> ByteSize.parse(text)).getMessage());
    }

    @ParameterizedTest(name = "{0} bytes is ''{1}''")
    @CsvSource({"0, 0", "1000, 1000", "1024, 1k", "65536, 64k", "16777216, 16m", "1073741824, 1g", "1049600, 1025k"})
    void formatPicksTheLargestUnitThatHoldsTheSizeExactly(long bytes, String text) {
        assertEquals(text, ByteSize.format(bytes));
        assertEquals(bytes, ByteSize.parse(text));
    }
}
