package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.slowpoetry.defer.Generator;

/**
 * {@code gen-3}, the text's {@code inline-callbacks/gen-3.py} (Part 17): two generators driven by
 * one loop, a value from each in turn, until both have ended; their "callbacks" interleave like
 * independent tasks under a reactor.
 *
 * <p><b>Threading:</b> the loop runs on the caller's thread, each body on a virtual thread of its
 * own, each strictly taking turns with the loop (see {@link Generator}).
 */
public final class Gen3 extends Example {

    public Gen3() {
        super("gen-3", 17, "two generators, one loop: their steps interleave like tasks under a reactor");
    }

    private static Generator<Integer> myGenerator() {
        return Generator.of(y -> {
            y.yield(1);
            y.yield(2);
            y.yield(3);
        });
    }

    private static Generator<Integer> myOtherGenerator() {
        return Generator.of(y -> {
            y.yield(10);
            y.yield(20);
            y.yield(30);
            y.yield(40);
        });
    }

    @Override
    public void run(PrintStream out) {
        try (var first = myGenerator(); var second = myOtherGenerator()) {
            List<Generator<Integer>> gens = new ArrayList<>(List.of(first, second));
            while (!gens.isEmpty()) {
                for (Generator<Integer> g : List.copyOf(gens)) {
                    int n;
                    try {
                        n = g.next();
                    } catch (NoSuchElementException stopIteration) {
                        gens.remove(g);
                        continue;
                    }
                    out.println(n);
                }
            }
        }
    }
}
