package org.slowpoetry.clients.demo;

/**
 * How the demo draws: with or without ANSI colours, with Unicode block characters or plain ASCII.
 * {@link #forTerminal} picks both from the environment; tests use {@link #plain()}.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param color   wrap text in ANSI colour codes
 * @param unicode use {@code █ · ✗ └ ┴ ─}; otherwise {@code # . X + + -}
 */
public record Palette(boolean color, boolean unicode) {
    private static final String RESET = "\u001b[0m";
    /** Task colours, in task order: cyan, yellow, magenta, green, blue, then round again. */
    private static final String[] TASK_COLORS = {"36", "33", "35", "32", "34"};

    /** No colour, ASCII only: what tests compare against, and safe for any pipe. */
    public static Palette plain() {
        return new Palette(false, false);
    }

    /**
     * The palette for this process's terminal: colour unless {@code noColor} was asked for, the
     * {@code NO_COLOR} environment variable is set, or standard output is not a terminal; Unicode
     * when standard output is encoded in UTF-8.
     */
    public static Palette forTerminal(boolean noColor) {
        var console = System.console();
        boolean terminal = console != null && console.isTerminal();
        String noColorEnv = System.getenv("NO_COLOR");
        boolean color = !noColor && terminal && (noColorEnv == null || noColorEnv.isEmpty());
        String encoding = System.getProperty("stdout.encoding", System.getProperty("native.encoding", ""));
        return new Palette(color, encoding.equalsIgnoreCase("UTF-8"));
    }

    String read() {
        return unicode ? "█" : "#";
    }

    String waiting() {
        return unicode ? "·" : ".";
    }

    String failed() {
        return unicode ? "✗" : "X";
    }

    String axisLine() {
        return unicode ? "─" : "-";
    }

    String axisTick() {
        return unicode ? "┴" : "+";
    }

    String axisStart() {
        return unicode ? "└" : "+";
    }

    /** {@code text} in the colour of task {@code task} (1-based). */
    String task(int task, String text) {
        return paint(TASK_COLORS[(task - 1) % TASK_COLORS.length], text);
    }

    String dim(String text) {
        return paint("2", text);
    }

    String bold(String text) {
        return paint("1", text);
    }

    String error(String text) {
        return paint("1;31", text);
    }

    private String paint(String code, String text) {
        return color && !text.isEmpty() ? "\u001b[" + code + "m" + text + RESET : text;
    }
}
