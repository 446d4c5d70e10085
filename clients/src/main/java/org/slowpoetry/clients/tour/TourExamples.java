package org.slowpoetry.clients.tour;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Finds {@link TourExample} plugins and their expected output. Thread-safe (loads afresh). */
public final class TourExamples {
    private TourExamples() {
    }

    /** Every example on the class path, by Part, then in a natural order of names (gen-2 before gen-10). */
    public static List<TourExample> all() {
        return ServiceLoader.load(TourExample.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparingInt(TourExample::part).thenComparing(TourExample::name, TourExamples::natural))
                .toList();
    }

    /** The expected output kept beside the example, {@code tour/expected/NAME.txt}, if there is one. */
    public static Optional<ExpectedOutput> expected(TourExample example) {
        String resource = "tour/expected/" + example.name() + ".txt";
        try (InputStream in = example.getClass().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(ExpectedOutput.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** Compares names with embedded numbers by value: {@code defer-2 < defer-10}. */
    static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                int c = Long.compare(Long.parseLong(a.substring(si, i)), Long.parseLong(b.substring(sj, j)));
                if (c != 0) {
                    return c;
                }
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
