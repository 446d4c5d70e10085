package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import org.slowpoetry.defer.Generator;

/**
 * {@code gen-1}, the text's {@code inline-callbacks/gen-1.py} (Part 17): a generator yielding 1, 2,
 * 3, iterated with a for loop. The generator's prints and the loop's interleave: the body runs
 * only when the loop asks for the next value, up to its next {@code yield}.
 *
 * <p><b>Threading:</b> the loop runs on the caller's thread, the body on a virtual thread of its
 * own, the two strictly taking turns (see {@link Generator}).
 */
public final class Gen1 extends Example {

    public Gen1() {
        super("gen-1", 17, "a generator in a for loop: its code and the loop's take turns");
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
            for (int n : gen) {
                out.println(n);
            }
        }
    }
}
