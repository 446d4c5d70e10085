package org.slowpoetry.bench.load;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Map;

/**
 * The bench's JSON, written and read by Jackson: the load generator's one-line results, the
 * servers' stats replies, and the results file {@code load.json}. Each document is one line.
 *
 * <p><b>Threading:</b> stateless apart from one configured {@link ObjectMapper}, which Jackson
 * makes safe to share; every method may be called from any thread.
 */
final class JsonLines {
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    /*
     * Implementation overview: Jackson writes a non-finite double as the string "NaN", which no
     * reader of ours wants as a number; the serializer below writes null instead, as the bench has
     * always done (a reader turns a null metric back into NaN). Reading fails on anything after
     * the value, and Jackson's parse errors become one line naming the character offset.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("non-finite numbers as null")
                    .addSerializer(Double.class, new NonFiniteAsNull<>(Double.class))
                    .addSerializer(Double.TYPE, new NonFiniteAsNull<>(Double.class))
                    .addSerializer(Float.class, new NonFiniteAsNull<>(Float.class))
                    .addSerializer(Float.TYPE, new NonFiniteAsNull<>(Float.class)))
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonLines() {
    }

    /**
     * One line of JSON for {@code value}: maps, lists, strings, numbers, booleans, null and
     * records. Non-finite numbers become {@code null}.
     *
     * @throws IllegalArgumentException if Jackson cannot write {@code value}
     */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses one JSON object, in the order of its keys; numbers come back as {@link Number}
     * ({@code Integer}, {@code Long} or {@code Double}, as written).
     *
     * @throws IllegalArgumentException one line naming the offset of the first thing that is not
     *                                  JSON, or saying that the value is not an object
     */
    static Map<String, Object> readObject(String text) {
        try {
            return MAPPER.readValue(text, OBJECT);
        } catch (MismatchedInputException e) {
            throw new IllegalArgumentException("not a JSON object: " + firstLine(e.getOriginalMessage()), e);
        } catch (JacksonException e) {
            long offset = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
            throw new IllegalArgumentException("bad JSON at offset " + offset + ": " + firstLine(e.getOriginalMessage()),
                    e);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** Writes a finite number as Jackson would, and NaN or an infinity as {@code null}. */
    private static final class NonFiniteAsNull<T extends Number> extends StdSerializer<T> {
        NonFiniteAsNull(Class<T> type) {
            super(type);
        }

        @Override
        public void serialize(T value, JsonGenerator out, SerializerProvider provider) throws IOException {
            double d = value.doubleValue();
            if (!Double.isFinite(d)) {
                out.writeNull();
            } else if (value instanceof Float f) {
                out.writeNumber(f);
            } else {
                out.writeNumber(d);
            }
        }
    }
}
