package org.slowpoetry.defer.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slowpoetry.defer.Failure;

/**
 * The input of Part 9's Deferred simulator: a chain of callback/errback pairs, one pair a line,
 * each member one of
 * <pre>
 *   return VALUE    the member returns VALUE (succeeds)
 *   fail VALUE      the member fails with Exception(VALUE)
 *   passthru        the member returns its argument
 * </pre>
 * abbreviated as any prefix ({@code r}, {@code f}, {@code p}, {@code ret} ...), case-insensitive.
 * A VALUE is at most {@value #MAX_VALUE_LENGTH} letters or digits. The text's exercise for
 * client 5.0 reads:
 * <pre>
 *   r poem p
 *   r None r None
 *   r None r None
 * </pre>
 * Blank lines are skipped, and {@code #} starts a comment that runs to the end of the line (so the
 * text's own annotated examples, {@code r good f bad  # callback returns 'good'}, read as
 * written).
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param pairs the stages, in order; at least one
 */
public record ChainSpec(List<Pair> pairs) {

    /** The longest VALUE the diagrams have room for. */
    public static final int MAX_VALUE_LENGTH = 6;

    public ChainSpec {
        pairs = List.copyOf(pairs);
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least one callback/errback pair");
        }
    }

    /** What a member does. */
    public enum Kind {
        RETURN("return"), FAIL("fail"), PASSTHRU("passthru");

        private final String command;

        Kind(String command) {
            this.command = command;
        }

        /** The full command word. */
        public String command() {
            return command;
        }
    }

    /**
     * One callback or errback.
     *
     * @param kind what it does
     * @param value its VALUE, or {@code null} for {@link Kind#PASSTHRU}
     */
    public record Step(Kind kind, String value) {
        public Step {
            Objects.requireNonNull(kind, "kind");
            if ((kind == Kind.PASSTHRU) != (value == null)) {
                throw new IllegalArgumentException(kind.command() + (value == null ? " needs" : " takes no") + " value");
            }
        }

        /** {@code return good}, {@code fail bad} or {@code passthru}, as drawn in the chain. */
        public String caption() {
            return kind == Kind.PASSTHRU ? kind.command() : kind.command() + " " + value;
        }

        /** What this member gives the next stage for {@code input}: a value or a Failure. */
        public Object apply(Object input) {
            return switch (kind) {
                case RETURN -> value;
                case FAIL -> Failure.of(new Exception(value));
                case PASSTHRU -> input;
            };
        }
    }

    /** One stage: what the callback does and what the errback does. */
    public record Pair(Step callback, Step errback) {
        public Pair {
            Objects.requireNonNull(callback, "callback");
            Objects.requireNonNull(errback, "errback");
        }
    }

    /**
     * Reads a whole spec.
     *
     * @throws ChainSpecException naming the line and column of the first problem, or if there is
     *     no pair at all
     */
    public static ChainSpec parse(List<String> lines) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Pair pair = parseLine(lines.get(i), i + 1);
            if (pair != null) {
                pairs.add(pair);
            }
        }
        if (pairs.isEmpty()) {
            throw new ChainSpecException(Math.max(1, lines.size()), 1, "enter at least one callback/errback pair");
        }
        return new ChainSpec(pairs);
    }

    /**
     * Reads one line: a pair, or {@code null} for a blank or comment-only line.
     *
     * @throws ChainSpecException naming the column of the problem
     */
    public static Pair parseLine(String line, int lineNumber) {
        int comment = line.indexOf('#');
        String text = comment >= 0 ? line.substring(0, comment) : line;
        List<Word> words = Word.split(text);
        if (words.isEmpty()) {
            return null;
        }
        int end = text.stripTrailing().length() + 1;
        int[] next = {0};
        Step callback = step(words, next, lineNumber, end);
        Step errback = step(words, next, lineNumber, end);
        if (next[0] < words.size()) {
            throw new ChainSpecException(lineNumber, words.get(next[0]).column(), "extra arguments");
        }
        return new Pair(callback, errback);
    }

    private static Step step(List<Word> words, int[] next, int lineNumber, int end) {
        if (next[0] >= words.size()) {
            throw new ChainSpecException(lineNumber, end, "missing command (return VALUE, fail VALUE or passthru)");
        }
        Word word = words.get(next[0]++);
        Kind kind = kindOf(word.text().toLowerCase(Locale.ROOT));
        if (kind == null) {
            throw new ChainSpecException(lineNumber, word.column(),
                    "bad command: " + word.text() + " (return, fail or passthru, or r, f or p)");
        }
        if (kind == Kind.PASSTHRU) {
            return new Step(kind, null);
        }
        if (next[0] >= words.size()) {
            throw new ChainSpecException(lineNumber, end, "missing argument: " + kind.command() + " needs a VALUE");
        }
        Word value = words.get(next[0]++);
        if (value.text().length() > MAX_VALUE_LENGTH) {
            throw new ChainSpecException(lineNumber, value.column(),
                    "result more than " + MAX_VALUE_LENGTH + " chars long: " + value.text());
        }
        if (!value.text().chars().allMatch(Character::isLetterOrDigit)) {
            throw new ChainSpecException(lineNumber, value.column(),
                    "a VALUE is letters and digits only: " + value.text());
        }
        return new Step(kind, value.text());
    }

    private static Kind kindOf(String word) {
        for (Kind kind : Kind.values()) {
            if (kind.command().startsWith(word)) {
                return kind;
            }
        }
        return null;
    }

    /** A whitespace-separated word and its 1-based column. */
    private record Word(String text, int column) {
        static List<Word> split(String line) {
            List<Word> words = new ArrayList<>();
            int i = 0;
            while (i < line.length()) {
                if (Character.isWhitespace(line.charAt(i))) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
                    i++;
                }
                words.add(new Word(line.substring(start, i), start + 1));
            }
            return words;
        }
    }
}
