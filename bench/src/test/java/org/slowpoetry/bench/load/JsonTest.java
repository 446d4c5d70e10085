package org.slowpoetry.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void whatIsWrittenReadsBackTheSame() {
        var m = new LinkedHashMap<String, Object>();
        m.put("text", "a \"quoted\" line\nand\ta tab \\ \u0001");
        m.put("n", 12.5);
        m.put("yes", true);
        m.put("none", null);
        m.put("list", List.of(1.0, "two", List.of()));
        m.put("empty", Map.of());
        assertEquals(m, Json.parse(Json.write(m)));
    }

    @Test
    void nonFiniteNumbersAreWrittenAsNull() {
        assertEquals("[null,null,1.0]", Json.write(List.of(Double.NaN, Double.POSITIVE_INFINITY, 1.0)));
    }

    @Test
    void badJsonNamesTheOffset() {
        var e = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1,}"));
        assertEquals("bad JSON at offset 8: expected '\"'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parseObject("[1]"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{} x"));
    }
}
