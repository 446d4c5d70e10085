package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.StructuredTaskScope;

/**
 * {@code gen-3-loom}, the twin of {@code gen-3} (Part 17): two generator bodies, two subtasks of
 * one scope, driven by one loop that asks each for a value in turn until both have ended. Each
 * body runs only while the loop waits on its hand-off, so their steps interleave as in the
 * original, like tasks under a reactor.
 *
 * <p><b>What differs.</b> Nothing in the output. Both bodies are virtual threads alive at the same
 * time, but at most one of them (or the loop) runs at any moment: the rendezvous makes them take
 * turns. Without it (a buffered queue, say) each body would run ahead on its own and their
 * order would no longer be the loop's.
 *
 * <p><b>Threading:</b> each body runs on a virtual thread forked in a {@link StructuredTaskScope},
 * the loop on the scope's owner, each body strictly taking turns with the loop; {@code run} joins
 * and closes the scope before it returns.
 */
public final class Gen3Loom extends LoomTwin {

    public Gen3Loom() {
        super("gen-3", 17, "two generator subtasks, one loop: the rendezvous makes their steps take turns");
    }

    private static GHandoff<Integer> myGenerator(StructuredTaskScope<Object, ?> scope) {
        return GHandoff.fork(scope, y -> {
            y.yield(1);
            y.yield(2);
            y.yield(3);
        });
    }

    private static GHandoff<Integer> myOtherGenerator(StructuredTaskScope<Object, ?> scope) {
        return GHandoff.fork(scope, y -> {
            y.yield(10);
            y.yield(20);
            y.yield(30);
            y.yield(40);
        });
    }

    @Override
    public void run(PrintStream out) throws Exception {
        try (var scope = StructuredTaskScope.open()) {
            List<GHandoff<Integer>> gens = new ArrayList<>(List.of(myGenerator(scope), myOtherGenerator(scope)));
            while (!gens.isEmpty()) {
                for (GHandoff<Integer> g : List.copyOf(gens)) {
                    switch (g.next()) {
                        case GHandoff.Yielded<Integer>(Integer n) -> out.println(n);
                        case GHandoff.Returned<Integer>() -> gens.remove(g);
                    }
                }
            }
            scope.join();
        }
    }
}
