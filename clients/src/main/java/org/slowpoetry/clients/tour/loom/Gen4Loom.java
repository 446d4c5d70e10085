package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.io.Serial;
import java.util.concurrent.StructuredTaskScope;

/**
 * {@code gen-4-loom}, the twin of {@code gen-4} (Part 17): the other half of the protocol as
 * messages down the hand-off. {@code send(value)} is a message that the body's pending
 * {@code yield} returns; {@code throwInto(error)} is a message that it throws, so the body's own
 * {@code try} catches it. A result or an error going into the next step of a body parked on a
 * virtual thread: what every blocking call on Loom already is, without a generator.
 *
 * <p><b>What differs.</b> Nothing in the output. The exception goes in as it is, a checked one
 * included, and one the body let escape would come out of the consumer's call as it is too, where
 * the original wraps checked ones in a {@code FailureException}. The last {@code next()} gets the
 * body's {@code Returned} message, not a {@code NoSuchElementException} to catch.
 *
 * <p><b>Threading:</b> the body runs on a virtual thread forked in a {@link StructuredTaskScope},
 * the calls on the scope's owner, the two strictly taking turns; {@code run} joins and closes the
 * scope before it returns.
 */
public final class Gen4Loom extends LoomTwin {

    public Gen4Loom() {
        super("gen-4", 17, "send() and throwInto() are messages down the hand-off; yield returns or throws them");
    }

    /** An exception to throw into the generator. */
    static final class Malfunction extends Exception {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** The text's {@code my_generator()}, forked in {@code scope}. */
    private static GHandoff<Integer> myGenerator(StructuredTaskScope<Object, ?> scope, PrintStream out) {
        return GHandoff.fork(scope, y -> {
            out.println("starting up");

            Object val = y.yield(1);
            out.println("got: " + val);

            val = y.yield(2);
            out.println("got: " + val);

            try {
                y.yield(3);
            } catch (Malfunction e) {
                out.println("malfunction!");
            }

            y.yield(4);

            out.println("done");
        });
    }

    @Override
    public void run(PrintStream out) throws Exception {
        try (var scope = StructuredTaskScope.open()) {
            GHandoff<Integer> gen = myGenerator(scope, out);
            out.println(value(gen.next()));                         // start the generator
            out.println(value(gen.send(10)));                       // send the value 10
            out.println(value(gen.send(20)));                       // send the value 20
            out.println(value(gen.throwInto(new Malfunction())));   // throw an exception inside the generator
            gen.next();                                             // runs the body to its end: Returned
            scope.join();
        }
    }

    /** The value of a step the body must have yielded. */
    private static int value(GHandoff.Step<Integer> step) {
        return switch (step) {
            case GHandoff.Yielded<Integer>(Integer n) -> n;
            case GHandoff.Returned<Integer>() -> throw new IllegalStateException("the generator ended early");
        };
    }
}
