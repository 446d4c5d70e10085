package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import java.io.Serial;
import java.util.NoSuchElementException;
import org.slowpoetry.defer.Generator;

/**
 * {@code gen-4}, the text's {@code inline-callbacks/gen-4.py} (Part 17): the other half of the
 * generator protocol. {@link Generator#send} resumes the body with a value, which its pending
 * {@code yield} returns; {@link Generator#throwInto} (Python's {@code throw}) resumes it by making
 * that {@code yield} throw. A result or an error going into the next "callback": exactly what
 * inline callbacks need.
 *
 * <p><b>Threading:</b> the calls run on the caller's thread, the body on a virtual thread of its
 * own, the two strictly taking turns (see {@link Generator}).
 */
public final class Gen4 extends Example {

    public Gen4() {
        super("gen-4", 17, "send() a value into a generator, throwInto() an exception");
    }

    /** An exception to throw into the generator. */
    static final class Malfunction extends Exception {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    /** The text's {@code my_generator()}. */
    private static Generator<Integer> myGenerator(PrintStream out) {
        return Generator.of(y -> {
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
    public void run(PrintStream out) {
        try (var gen = myGenerator(out)) {
            out.println(gen.next());                         // start the generator
            out.println(gen.send(10));                       // send the value 10
            out.println(gen.send(20));                       // send the value 20
            out.println(gen.throwInto(new Malfunction()));   // throw an exception inside the generator

            try {
                gen.next();
            } catch (NoSuchElementException stopIteration) {
                // the body ran to its end
            }
        }
    }
}
