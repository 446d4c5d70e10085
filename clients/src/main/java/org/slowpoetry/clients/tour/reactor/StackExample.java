package org.slowpoetry.clients.tour.reactor;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import org.slowpoetry.clients.tour.TourExample;
import org.slowpoetry.reactor.Reactor;

/**
 * Part 3's {@code stack.py}: a callback prints the stack it runs on, which shows who called it:
 * our {@code reactor.run()} near the bottom, the reactor's own calls in between, our callback on
 * top. The callback runs on the reactor's thread, inside {@code run()}; while it runs, the loop
 * does not.
 *
 * <p>Java prints a stack innermost call first (Python's traceback is the other way up), so our
 * callback is the first line. The text's program prints the stack of a {@code callWhenRunning}
 * callback, which our reactor calls from {@code run()} just before its loop starts; a second
 * callback, scheduled with {@code callLater}, then shows the loop itself underneath:
 * {@code Reactor.iterate}, one turn of the loop, which waits in the selector and then runs the
 * timers that are due. The interesting lines are marked; the frames below our {@code run} (the
 * {@code tour} command, or a test) vary.
 *
 * <p><b>Threading:</b> the reactor and the callback run on the thread calling {@link #run}.
 */
public final class StackExample implements TourExample {

    @Override
    public String name() {
        return "stack";
    }

    @Override
    public int part() {
        return 3;
    }

    @Override
    public String summary() {
        return "the Java stack seen from a callback: our code runs inside reactor.run()";
    }

    @Override
    public void run(PrintStream out) throws IOException {
        try (Reactor reactor = Reactor.open()) {
            reactor.callWhenRunning(() -> {
                stack(out, "callWhenRunning");
                reactor.callLater(Duration.ZERO, () -> {
                    stack(out, "callLater");
                    reactor.stop();
                });
            });
            reactor.run();
        }
    }

    private static void stack(PrintStream out, String calledBy) {
        out.println("The Java stack of a " + calledBy + " callback, innermost call first:");
        StackWalker.getInstance().forEach(frame -> out.println("\tat " + frame + note(frame)));
    }

    /** A pointer for the frames worth noticing, as the text draws arrows on its output. */
    private static String note(StackWalker.StackFrame frame) {
        String owner = frame.getClassName().equals(StackExample.class.getName()) ? "example"
                : frame.getClassName().equals(Reactor.class.getName()) ? "reactor" : "other";
        return switch (owner + "." + frame.getMethodName()) {
            case "example.stack" -> "   <-- our callback, printing this";
            case "reactor.iterate" -> "   <-- one turn of the reactor's loop: wait in the selector, run what is due";
            case "reactor.run" -> "   <-- inside reactor.run(), the reactor calls us back";
            case "example.run" -> "   <-- where we called reactor.run()";
            default -> "";
        };
    }
}
