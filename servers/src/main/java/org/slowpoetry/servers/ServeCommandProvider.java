package org.slowpoetry.servers;

import org.slowpoetry.cli.CommandProvider;
import picocli.CommandLine;

/**
 * Contributes {@code slowpoetry serve} to the command line (listed in
 * {@code META-INF/services/org.slowpoetry.cli.CommandProvider}).
 *
 * <p><b>Threading:</b> called on the main thread while the command line is assembled.
 */
public final class ServeCommandProvider implements CommandProvider {

    /** Used by {@link java.util.ServiceLoader}. */
    public ServeCommandProvider() {
    }

    /**
     * A {@link CommandLine} rather than the bare command object: picocli applies {@code @Command}
     * model transformers ({@link ImplsHelp}) when it builds a {@code CommandLine} from an object,
     * but not when {@code addSubcommand} is given the object itself.
     */
    @Override
    public Object newCommand() {
        return new CommandLine(new ServeCommand());
    }

    @Override
    public int order() {
        return 10;
    }
}
