package org.slowpoetry.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLinesTest {

    @Test
    void whatIsWrittenReadsBackTheSameOnOneLine() {
        var m = new LinkedHashMap<String, Object>();
        m.put("text", "a \"quoted\" line\nand\ta tab \\ \u0001");
        m.put("n", 12.5);
        m.put("count", 7);
        m.put("yes", true);
        m.put("none", null);
        m.put("list", List.of(1.0, "two", List.of()));
        m.put("empty", Map.of());
        String line = JsonLines.write(m);
        assertFalse(line.contains("\n"), line);
        assertEquals(m, JsonLines.readObject(line));
    }

    @Test
    void nonFiniteNumbersAreWrittenAsNull() {
        assertEquals("[null,null,1.0]", JsonLines.write(List.of(Double.NaN, Double.POSITIVE_INFINITY, 1.0)));
        var metrics = new LinkedHashMap<String, Double>();
        metrics.put("heap", Double.NaN);
        metrics.put("rss", 2.5);
        assertEquals("{\"heap\":null,\"rss\":2.5}", JsonLines.write(metrics));
        assertEquals("[null,1.5]", JsonLines.write(List.of(Float.NaN, 1.5f)));
    }

    @Test
    void badJsonIsOneLineNamingTheOffset() {
        var e = assertThrows(IllegalArgumentException.class, () -> JsonLines.readObject("{\"a\": 1,}"));
        assertEquals("bad JSON at offset 8: Unexpected character ('}' (code 125)):"
                + " was expecting double-quote to start field name", e.getMessage());
    }

    @Test
    void somethingOtherThanOneObjectIsRefused() {
        var array = assertThrows(IllegalArgumentException.class, () -> JsonLines.readObject("[1]"));
        assertEquals(1, array.getMessage().lines().count(), array.getMessage());
        var trailing = assertThrows(IllegalArgumentException.class, () -> JsonLines.readObject("{} x"));
        assertEquals(1, trailing.getMessage().lines().count(), trailing.getMessage());
    }
}
