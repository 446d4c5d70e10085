package org.slowpoetry.clients.simulate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.slowpoetry.defer.simulator.ChainSpec;
import org.slowpoetry.defer.simulator.ChainSpecException;

/**
 * Reads a chain the way Part 9's simulator does: callback/errback pairs, one a line, until a blank
 * line or the end of the input. At a terminal it explains the format first and prompts for each
 * pair, and a pair it cannot read is reported and typed again; from a pipe the first bad line is
 * an error (the caller reports it, naming the line and column).
 *
 * <p><b>Threading:</b> used by one thread, the command's.
 */
final class ChainInput {

    /** What the interactive simulator says before the first prompt; the text's format, in our words. */
    static final String INSTRUCTIONS = """
            Part 9's Deferred simulator. Enter the chain's callback/errback pairs, one pair a line:

              CALLBACK ERRBACK

            where each of the two is one of

              return VALUE    it succeeds: returns VALUE
              fail VALUE      it fails: raises Exception(VALUE)
              passthru        it returns what it was given

            (r, f and p will do). A VALUE is up to 6 letters or digits. For example:

              r good f bad    # the callback returns 'good', the errback fails with 'bad'
              f googly p      # the callback fails with 'googly', the errback passes its failure on

            An empty line ends the chain. Then the chain is drawn beside what d.callback(initial)
            and d.errback(initial*) do with it; in the drawings value* means a failure,
            Failure(Exception(value)). Widen the terminal to see all three, or use --narrow.
            """;

    private ChainInput() {
    }

    /**
     * The lines of a chain from {@code in}, up to a blank line or the end, unparsed: the caller
     * parses them all at once, so an error names the line it is on.
     */
    static List<String> readLines(BufferedReader in) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line; (line = in.readLine()) != null && !line.isBlank(); ) {
            lines.add(line);
        }
        return lines;
    }

    /**
     * The chain typed at a terminal: the instructions, then a prompt per pair; a pair that cannot
     * be read is explained and asked for again.
     *
     * @throws ChainSpecException if the input ends before a single pair was entered
     */
    static ChainSpec prompt(BufferedReader in, PrintWriter out) throws IOException {
        out.print(INSTRUCTIONS);
        out.println();
        List<ChainSpec.Pair> pairs = new ArrayList<>();
        int lineNumber = 0;
        while (true) {
            out.print("pair " + (pairs.size() + 1) + "> ");
            if (out.checkError()) { // flushes; no one sees the prompts: stop asking
                break;
            }
            String line = in.readLine();
            lineNumber++;
            if (line == null || line.isBlank()) {
                break;
            }
            try {
                ChainSpec.Pair pair = ChainSpec.parseLine(line, lineNumber);
                if (pair != null) {
                    pairs.add(pair);
                }
            } catch (ChainSpecException e) {
                out.println("  column " + e.column() + ": " + e.problem() + "; type that pair again");
            }
        }
        out.println();
        if (pairs.isEmpty()) {
            throw new ChainSpecException(lineNumber, 1, "enter at least one callback/errback pair");
        }
        return new ChainSpec(pairs);
    }
}
