package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import java.util.NoSuchElementException;
import org.slowpoetry.defer.Generator;

/**
 * {@code gen-2}, the text's {@code inline-callbacks/gen-2.py} (Part 17): gen-1's loop spelled
 * out, calling {@link Generator#next()} until the generator ends. Java's
 * {@link NoSuchElementException} plays Python's {@code StopIteration}. Seen from the body, the
 * loop is a tiny reactor: the body runs when called, until it yields, and meanwhile the loop does
 * not run.
 *
 * <p><b>Threading:</b> the loop runs on the caller's thread, the body on a virtual thread of its
 * own, the two strictly taking turns (see {@link Generator}).
 */
public final class Gen2 extends Example {

    public Gen2() {
        super("gen-2", 17, "gen-1's loop by hand: next() until NoSuchElementException (StopIteration)");
    }

    /** The text's {@code my_generator()}. */
    private static Generator<Integer> myGenerator(PrintStream out) {
        return Generator.of(y -> {
            out.println("starting up");
            y.yield(1);
            out.println("workin'");
            y.yield(2);
            out.println("still workin'");
            y.yield(3);
            out.println("done");
        });
    }

    @Override
    public void run(PrintStream out) {
        try (var gen = myGenerator(out)) {
            while (true) {
                int n;
                try {
                    n = gen.next();
                } catch (NoSuchElementException stopIteration) {
                    break;
                }
                out.println(n);
            }
        }
    }
}
