package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.util.concurrent.StructuredTaskScope;

/**
 * {@code gen-2-loom}, the twin of {@code gen-2} (Part 17): gen-1-loom's loop spelled out, one
 * message down ({@code next()}) and one back per step, until the body says it has ended. Seen from
 * the body, the loop is its scheduler: the body runs when a message comes down, until it hands
 * the next value up, and meanwhile the loop is parked in the hand-off.
 *
 * <p><b>What differs.</b> Nothing in the output. The end of the body is a message,
 * {@link GHandoff.Returned}, matched by the {@code switch} like the values, where the original's
 * {@code next()} throws {@code NoSuchElementException} (Python's {@code StopIteration}): with a
 * sealed step the compiler makes the loop handle both.
 *
 * <p><b>Threading:</b> the body runs on a virtual thread forked in a {@link StructuredTaskScope},
 * the loop on the scope's owner, the two strictly taking turns; {@code run} joins and closes the
 * scope before it returns.
 */
public final class Gen2Loom extends LoomTwin {

    public Gen2Loom() {
        super("gen-2", 17, "gen-1-loom's loop by hand: next() until the body's Returned message");
    }

    @Override
    public void run(PrintStream out) throws Exception {
        try (var scope = StructuredTaskScope.open()) {
            GHandoff<Integer> gen = Gen1Loom.myGenerator(scope, out);
            steps:
            while (true) {
                switch (gen.next()) {
                    case GHandoff.Yielded<Integer>(Integer n) -> out.println(n);
                    case GHandoff.Returned<Integer>() -> {
                        break steps;
                    }
                }
            }
            scope.join();
        }
    }
}
