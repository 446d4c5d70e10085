package org.slowpoetry.clients.tour;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The lines an example is expected to print, and the matching that {@code tour --check} does.
 *
 * <p>Format, one expected line per line:
 * <ul>
 *   <li>a line is matched literally, except that {@code <*>} inside it matches any text (a time, a
 *       port, a hash code);
 *   <li>a line that is exactly {@code ...} matches any number of lines, none included (a stack trace,
 *       a stretch of countdown whose length depends on timing).
 * </ul>
 * Trailing white space is ignored on both sides.
 *
 * <p><b>Threading:</b> immutable.
 */
public final class ExpectedOutput {
    private static final String ANY_LINES = "...";
    private static final String ANY_TEXT = "<*>";

    private final List<String> lines;

    private ExpectedOutput(List<String> lines) {
        this.lines = List.copyOf(lines);
    }

    /** Parses an expected-output file's text. */
    public static ExpectedOutput parse(String text) {
        return new ExpectedOutput(text.lines().map(String::stripTrailing).toList());
    }

    /**
     * Matches {@code actual} against the expected lines.
     *
     * @return empty when it matches, else a one-line description of the first difference
     */
    public Optional<String> mismatch(String actual) {
        List<String> got = actual.lines().map(String::stripTrailing).toList();
        return matches(0, got, 0) ? Optional.empty() : Optional.of(firstDifference(got));
    }

    private boolean matches(int e, List<String> got, int g) {
        // Backtracking over "..." lines; expected files are short, so this is cheap.
        if (e == lines.size()) {
            return g == got.size();
        }
        if (lines.get(e).equals(ANY_LINES)) {
            for (int skip = g; skip <= got.size(); skip++) {
                if (matches(e + 1, got, skip)) {
                    return true;
                }
            }
            return false;
        }
        return g < got.size() && lineMatches(lines.get(e), got.get(g)) && matches(e + 1, got, g + 1);
    }

    static boolean lineMatches(String expected, String actual) {
        if (!expected.contains(ANY_TEXT)) {
            return expected.equals(actual);
        }
        List<String> parts = new ArrayList<>();
        for (String literal : expected.split(Pattern.quote(ANY_TEXT), -1)) {
            parts.add(Pattern.quote(literal));
        }
        return Pattern.compile(String.join(".*", parts), Pattern.DOTALL).matcher(actual).matches();
    }

    private String firstDifference(List<String> got) {
        int g = 0;
        for (String expected : lines) {
            if (expected.equals(ANY_LINES)) {
                return "output differs after a '...' line (expected " + lines.size() + " pattern lines, got "
                        + got.size() + " lines)";
            }
            if (g >= got.size()) {
                return "missing line " + (g + 1) + ": expected '" + expected + "'";
            }
            if (!lineMatches(expected, got.get(g))) {
                return "line " + (g + 1) + ": expected '" + expected + "', got '" + got.get(g) + "'";
            }
            g++;
        }
        return "extra line " + (g + 1) + ": '" + got.get(g) + "'";
    }
}
