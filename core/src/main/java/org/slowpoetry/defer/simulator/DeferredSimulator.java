package org.slowpoetry.defer.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;

/**
 * Part 9's Deferred simulator, as a library: given a {@link ChainSpec}, it builds a real
 * {@link Deferred} with those callbacks and errbacks, fires one with {@code callback("initial")} and
 * one with {@code errback(Exception("initial"))}, and draws the chain next to both firing patterns
 * in ASCII art. In the drawings a value followed by {@code *} is a failure:
 * {@code value* == Failure(Exception(value))}.
 *
 * {@snippet :
 * ChainSpec spec = ChainSpec.parse(List.of("r good f bad", "f googly p"));
 * System.out.print(DeferredSimulator.render(spec, false));
 * }
 *
 * <p>A column of the wide layout ({@link #render(ChainSpec, boolean) narrow} false) is a stage
 * pair: callback on the left, errback on the right. A fired chain shows, for each stage, the box of
 * the member that ran with its input on top and its output below, and arrows for the path the
 * result took; the picture is the text's, character for character.
 *
 * <p><b>Threading:</b> stateless; each call uses its own Deferreds, on the calling thread
 * (a Deferred used without a reactor).
 */
public final class DeferredSimulator {

    /* Implementation overview
     *
     * fire() is the part about Deferreds: one real Deferred per firing, each member wrapped so it
     * records (stage, side, input, output) before handing its output on; a Failure output sends
     * the chain down the errback line exactly as it would in any program. The drawing code only
     * replays that record. The geometry follows the text's program: every member box is
     * CALLBACK_WIDTH wide (room for "return " plus a six-character value), 5 rows high, with 3 rows
     * between stages for the arrows.
     */

    /** Width of one member box: {@code len("0123456*") + len("return ") + 3}, as in the text. */
    static final int CALLBACK_WIDTH = 18;
    private static final int BOX_HEIGHT = 5;
    private static final int STAGE_HEIGHT = BOX_HEIGHT + 3;
    /** Width of a drawn chain: two boxes and the gap between them. */
    static final int CHAIN_WIDTH = 2 * CALLBACK_WIDTH + 2;
    private static final int COLUMN_GAP = 6;
    private static final String INITIAL = "initial";

    private DeferredSimulator() {
    }

    /**
     * One member that ran during a firing.
     *
     * @param stage the stage's index in the chain
     * @param errback whether the errback ran (else the callback)
     * @param input what it received: a value or a {@link Failure}
     * @param output what it gave the next stage
     */
    public record Visit(int stage, boolean errback, Object input, Object output) {
    }

    /**
     * What one firing did.
     *
     * @param initial what the Deferred was fired with
     * @param visits the members that ran, one per stage, in order
     * @param result the chain's final result
     */
    public record Firing(Object initial, List<Visit> visits, Object result) {
        public Firing {
            visits = List.copyOf(visits);
        }
    }

    /** Fires a real Deferred built from {@code spec}, with {@code callback("initial")} or {@code errback(...)}. */
    public static Firing fire(ChainSpec spec, boolean withErrback) {
        Objects.requireNonNull(spec, "spec");
        List<Visit> visits = new ArrayList<>();
        Deferred<String> d = new Deferred<>();
        for (int i = 0; i < spec.pairs().size(); i++) {
            int stage = i;
            ChainSpec.Pair pair = spec.pairs().get(i);
            d.addCallbacks(
                    value -> record(visits, stage, false, value, pair.callback()),
                    failure -> record(visits, stage, true, failure, pair.errback()));
        }
        Object[] result = {null};
        d.addBoth(outcome -> {
            result[0] = outcome;
            return null; // the simulation has looked at the failure: nothing unhandled is left
        });
        Object initial;
        if (withErrback) {
            Failure failure = Failure.of(new Exception(INITIAL));
            initial = failure;
            d.errback(failure);
        } else {
            initial = INITIAL;
            d.callback(INITIAL);
        }
        return new Firing(initial, visits, result[0]);
    }

    private static Object record(List<Visit> visits, int stage, boolean errback, Object input, ChainSpec.Step step) {
        Object output = step.apply(input);
        visits.add(new Visit(stage, errback, input, output));
        return output;
    }

    /** A value as drawn: the value itself, or a failure's message followed by {@code *}. */
    public static String display(Object value) {
        return value instanceof Failure failure ? failure.value().getMessage() + "*" : String.valueOf(value);
    }

    /**
     * The whole picture: the chain, {@code d.callback(initial)} and {@code d.errback(initial*)},
     * side by side, or one under the other when {@code narrow} (the text's {@code --narrow}).
     * Rows are padded with spaces to the picture's width, and each picture is followed by an
     * empty line, as the text's program prints them.
     */
    public static String render(ChainSpec spec, boolean narrow) {
        Firing callback = fire(spec, false);
        Firing errback = fire(spec, true);
        Screen screen = new Screen();
        if (narrow) {
            StringBuilder out = new StringBuilder();
            screen.drawText(0, 1, Screen.center("Deferred", CHAIN_WIDTH));
            screen.drawText(0, 2, Screen.center("--------", CHAIN_WIDTH));
            drawChain(screen, spec, 0, 4);
            out.append(screen).append('\n');
            screen.clear();
            drawTitle(screen, 0, 2, "d.callback(initial)");
            drawFiring(screen, spec, callback, 0, 5);
            out.append(screen).append('\n');
            screen.clear();
            drawTitle(screen, 0, 2, "d.errback(initial*)");
            drawFiring(screen, spec, errback, 0, 5);
            out.append(screen).append('\n');
            return out.toString();
        }
        int column = CHAIN_WIDTH + COLUMN_GAP;
        drawTitle(screen, 0, 0, "Deferred");
        drawTitle(screen, column, 0, "d.callback(initial)");
        drawTitle(screen, 2 * column, 0, "d.errback(initial*)");
        drawChain(screen, spec, 0, 7);
        drawFiring(screen, spec, callback, column, 3);
        drawFiring(screen, spec, errback, 2 * column, 3);
        int height = chainHeight(spec) + 8;
        screen.drawVerticalLine(CHAIN_WIDTH + 3, 3, height, false);
        screen.drawVerticalLine(CHAIN_WIDTH + 3 + column, 3, height, false);
        return screen + "\n";
    }

    private static void drawTitle(Screen screen, int x, int y, String title) {
        screen.drawText(x, y, Screen.center(title, CHAIN_WIDTH));
        screen.drawText(x, y + 1, Screen.center("-".repeat(title.length()), CHAIN_WIDTH));
    }

    private static int chainHeight(ChainSpec spec) {
        int stages = spec.pairs().size();
        return BOX_HEIGHT * stages + 3 * (stages - 1);
    }

    /** The chain itself: each stage's two boxes with their captions. */
    private static void drawChain(Screen screen, ChainSpec spec, int x, int y) {
        int top = y;
        for (ChainSpec.Pair pair : spec.pairs()) {
            drawBox(screen, x, top);
            drawBoxText(screen, x, top + 2, pair.callback().caption());
            drawBox(screen, x + CALLBACK_WIDTH + 2, top);
            drawBoxText(screen, x + CALLBACK_WIDTH + 2, top + 2, pair.errback().caption());
            top += STAGE_HEIGHT;
        }
    }

    /** One firing: the initial value, each member that ran, the result, and the arrows between. */
    private static void drawFiring(Screen screen, ChainSpec spec, Firing firing, int x, int y) {
        FiringPen pen = new FiringPen(screen, x);
        pen.drawValue(firing.initial(), y);
        pen.lastX = firing.initial() instanceof Failure ? pen.errbackLeft : x;
        pen.lastY = y + 4;
        for (Visit visit : firing.visits()) {
            int boxX = visit.errback() ? pen.errbackLeft : x;
            drawBox(screen, boxX, pen.lastY);
            drawBoxText(screen, boxX, pen.lastY + 1, display(visit.input()));
            drawBoxText(screen, boxX, pen.lastY + 3, display(visit.output()));
            pen.connect(boxX);
            pen.lastX = boxX;
            pen.lastY += STAGE_HEIGHT;
        }
        pen.drawValue(firing.result(), pen.lastY);
        pen.connect(firing.result() instanceof Failure ? pen.errbackLeft : x);
        assert firing.visits().size() == spec.pairs().size();
    }

    private static void drawBox(Screen screen, int x, int y) {
        screen.drawHorizontalLine(x, y, CALLBACK_WIDTH);
        screen.drawHorizontalLine(x, y + 4, CALLBACK_WIDTH);
        screen.drawVerticalLine(x, y + 1, 3, false);
        screen.drawVerticalLine(x + CALLBACK_WIDTH - 1, y + 1, 3, false);
    }

    private static void drawBoxText(Screen screen, int x, int y, String text) {
        screen.drawText(x + 1, y, Screen.center(text, CALLBACK_WIDTH - 2));
    }

    /** Where a firing's drawing has got to: the column and row of the last thing drawn. */
    private static final class FiringPen {
        private final Screen screen;
        private final int x;
        private final int callbackMid;
        private final int errbackLeft;
        private final int errbackMid;
        /** Left edge of the column the path was last in. */
        private int lastX;
        /** Row below which the next box goes. */
        private int lastY;

        FiringPen(Screen screen, int x) {
            this.screen = screen;
            this.x = x;
            this.callbackMid = x - 1 + CALLBACK_WIDTH / 2;
            this.errbackLeft = x + CALLBACK_WIDTH + 2;
            this.errbackMid = errbackLeft - 1 + CALLBACK_WIDTH / 2;
        }

        /** A value between boxes: centred in its column (a failure straddles both). */
        void drawValue(Object value, int row) {
            if (value instanceof Failure) {
                screen.drawText(errbackLeft - 10, row, Screen.center(display(value), CALLBACK_WIDTH + 20));
            } else {
                screen.drawText(x, row, Screen.center(display(value), CALLBACK_WIDTH));
            }
        }

        /** The arrow from the last position down into column {@code toX}, crossing over if it changes. */
        void connect(int toX) {
            if (lastX == toX) {
                screen.drawVerticalLine(toX - 1 + CALLBACK_WIDTH / 2, lastY - 3, 3, true);
                return;
            }
            if (lastX < toX) {
                screen.drawVerticalLine(callbackMid, lastY - 3, 2, false);
                screen.drawVerticalLine(errbackMid, lastY - 2, 2, true);
            } else {
                screen.drawVerticalLine(errbackMid, lastY - 3, 2, false);
                screen.drawVerticalLine(callbackMid, lastY - 2, 2, true);
            }
            screen.drawHorizontalLine(callbackMid + 1, lastY - 2, errbackMid - callbackMid - 1);
        }
    }
}
