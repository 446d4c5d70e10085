package org.slowpoetry.cli;

/**
 * A plugin that contributes one subcommand to {@code slowpoetry}.
 *
 * <p>Each module lists its providers in
 * {@code META-INF/services/org.slowpoetry.cli.CommandProvider}; {@link Main} finds them with
 * {@link java.util.ServiceLoader}. This is the Java counterpart of Twisted's plugin discovery
 * (Part 16): {@code twistd} finds {@code IServiceMaker} plugins by scanning {@code twisted/plugins},
 * we find commands by scanning the class path. Adding a module to the class path adds its
 * commands; no central list has to change.
 *
 * <p><b>Threading:</b> called once, on the main thread, while the command line is assembled.
 */
public interface CommandProvider {

    /**
     * A new picocli command object (a class annotated with {@code @Command}), or a
     * {@link picocli.CommandLine} built from one (needed if the command uses a model transformer,
     * which picocli applies only when it builds a {@code CommandLine}).
     */
    Object newCommand();

    /**
     * Where the command appears in {@code slowpoetry --help}; lower comes first. The conventional
     * order is serve (10), get (20), demo (30), tour (40), simulate (50), bench (60).
     */
    default int order() {
        return 100;
    }
}
