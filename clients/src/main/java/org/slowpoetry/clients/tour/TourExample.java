package org.slowpoetry.clients.tour;

import java.io.PrintStream;
import java.util.Optional;

/**
 * One of the text's small example programs, runnable as {@code slowpoetry tour NAME}: Part 3's
 * {@code simple} and {@code countdown}, Part 7's {@code defer-1} and so on. Examples are plugins
 * listed in {@code META-INF/services/org.slowpoetry.clients.tour.TourExample}.
 *
 * <p>An example prints to the stream it is given, never to {@code System.out} directly, and ends by
 * itself (as the text's do; those that would run forever, like {@code simple}, stop after a short
 * while and say so). What it prints is checked by {@code tour --check} against
 * {@code tour/expected/NAME.txt} on the class path (see {@link ExpectedOutput} for the format).
 *
 * <p><b>Threading:</b> {@link #run} is called on the command's thread; an example that starts a
 * reactor or other threads must have stopped them before it returns.
 */
public interface TourExample {

    /** The name on the command line, as in the text's file names: {@code simple}, {@code defer-1}. */
    String name();

    /** The Part of the text it comes from. */
    int part();

    /** One line for the listing: what the example shows. */
    String summary();

    /**
     * For a Loom twin, the name of the example it is the twin of ({@code defer-1} for
     * {@code defer-1-loom}): the same idea written as Loom code (plain values and exceptions on
     * virtual threads, a {@code StructuredTaskScope} for the fan-out, interruption for cancel),
     * printing the same lines, or saying what differs and why. {@code tour --loom} lists the twins
     * beside their originals.
     */
    default Optional<String> twinOf() {
        return Optional.empty();
    }

    /**
     * Runs the example.
     *
     * @param out where everything the example prints goes
     * @throws Exception whatever the example lets escape; {@code tour} reports it as a failure
     */
    void run(PrintStream out) throws Exception;
}
