package org.slowpoetry.defer.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * A canvas of characters for the simulator's ASCII art. As in the text's program, drawing a space
 * is drawing a pixel: it overwrites what was there and counts towards the picture's size, and
 * the picture is printed as a full rectangle (rows padded with spaces to the widest pixel).
 *
 * <p><b>Threading:</b> confined to the thread drawing it.
 */
final class Screen {
    /** Drawn rows; a row is as long as its rightmost pixel. */
    private final List<StringBuilder> rows = new ArrayList<>();
    /** One past the rightmost pixel drawn. */
    private int width;

    void drawChar(int x, int y, char c) {
        if (x < 0 || y < 0) {
            throw new IllegalArgumentException("off the screen: " + x + "," + y);
        }
        while (rows.size() <= y) {
            rows.add(new StringBuilder());
        }
        StringBuilder row = rows.get(y);
        while (row.length() <= x) {
            row.append(' ');
        }
        row.setCharAt(x, c);
        width = Math.max(width, x + 1);
    }

    void drawHorizontalLine(int x, int y, int length) {
        for (int i = 0; i < length; i++) {
            drawChar(x + i, y, '-');
        }
    }

    /** A vertical line; with {@code arrow}, its last row gets {@code \|/}. */
    void drawVerticalLine(int x, int y, int height, boolean arrow) {
        for (int i = 0; i < height; i++) {
            drawChar(x, y + i, '|');
        }
        if (arrow) {
            drawChar(x - 1, y + height - 1, '\\');
            drawChar(x + 1, y + height - 1, '/');
        }
    }

    void drawText(int x, int y, String text) {
        for (int i = 0; i < text.length(); i++) {
            drawChar(x + i, y, text.charAt(i));
        }
    }

    void clear() {
        rows.clear();
        width = 0;
    }

    /** Every row, padded to the full width, each ending with a newline. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (StringBuilder row : rows) {
            out.append(row).append(" ".repeat(width - row.length())).append('\n');
        }
        return out.toString();
    }

    /** Python's {@code str.center}: when the padding is odd, the extra space goes left only if the width is odd too. */
    static String center(String text, int width) {
        int margin = width - text.length();
        if (margin <= 0) {
            return text;
        }
        int left = margin / 2 + (margin & width & 1);
        return " ".repeat(left) + text + " ".repeat(margin - left);
    }
}
