package org.slowpoetry.servers.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/** {@code --log-max-size}: bytes, KB, MB, GB as powers of 1024, any case; nothing else. */
class ByteSizeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"512, 512", "512b, 512", "2KB, 2048", "1mb, 1048576", "1 MB, 1048576", "3GB, 3221225472",
                "1024GB, 1099511627776"})
    void readsANumberAndAUnit(String text, long bytes) {
        assertEquals(bytes, new ByteSize().convert(text));
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "MB", "1.5MB", "-1", "0", "0KB", "1TB", "1025GB", "99999999999999"})
    void refusesAnythingElse(String text) {
        assertThrows(TypeConversionException.class, () -> new ByteSize().convert(text));
    }
}
