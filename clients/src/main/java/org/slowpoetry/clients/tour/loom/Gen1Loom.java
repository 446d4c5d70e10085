package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.util.concurrent.StructuredTaskScope;

/**
 * {@code gen-1-loom}, the twin of {@code gen-1} (Part 17): a generator is a producer on a virtual
 * thread of its own that hands each value over through a rendezvous ({@link GHandoff}: a
 * {@link java.util.concurrent.SynchronousQueue} each way), so it runs only while the loop waits for
 * its next value. The body's prints and the loop's take turns, as in the original.
 *
 * <p><b>What differs.</b> Nothing in the output. The loop tests each step against the sealed
 * {@link GHandoff.Step}, {@code Yielded} or {@code Returned}, where the original iterates a Java
 * {@code Iterator}; the body's thread starts when it is forked, and waits for the first
 * {@code next()} before it runs a line, where the original starts it at the first {@code next()}.
 *
 * <p><b>Threading:</b> the body runs on a virtual thread forked in a {@link StructuredTaskScope},
 * the loop on the scope's owner, the two strictly taking turns; {@code run} joins and closes the
 * scope before it returns.
 */
public final class Gen1Loom extends LoomTwin {

    public Gen1Loom() {
        super("gen-1", 17, "a generator is a virtual thread handing each value over a SynchronousQueue");
    }

    /** The text's {@code my_generator()}, forked in {@code scope}. (gen-2-loom's too.) */
    static GHandoff<Integer> myGenerator(StructuredTaskScope<Object, ?> scope, PrintStream out) {
        return GHandoff.fork(scope, y -> {
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
    public void run(PrintStream out) throws Exception {
        try (var scope = StructuredTaskScope.open()) {
            GHandoff<Integer> gen = myGenerator(scope, out);
            while (gen.next() instanceof GHandoff.Yielded<Integer>(Integer n)) {
                out.println(n);
            }
            scope.join();
        }
    }
}
