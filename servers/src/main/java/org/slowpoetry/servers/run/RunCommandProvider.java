package org.slowpoetry.servers.run;

import java.util.ArrayList;
import java.util.List;
import org.slowpoetry.cli.CommandProvider;
import picocli.CommandLine;

/**
 * Contributes {@code slowpoetry run} to the command line (listed in
 * {@code META-INF/services/org.slowpoetry.cli.CommandProvider}). Its usage ends with the plugins,
 * one line each, as {@code twistd --help} lists them; the plugins are looked up only when the
 * usage is printed.
 *
 * <p><b>Threading:</b> called on the main thread while the command line is assembled.
 */
public final class RunCommandProvider implements CommandProvider {
    private static final String PLUGINS_SECTION = "plugins";

    /** Used by {@link java.util.ServiceLoader}. */
    public RunCommandProvider() {
    }

    /**
     * A {@link CommandLine}, for two settings a bare command object cannot carry: parsing stops at
     * the first positional argument (the plugin's name), so that everything after it goes to the
     * plugin; and the usage has a section listing the plugins.
     */
    @Override
    public Object newCommand() {
        CommandLine cli = new CommandLine(new RunCommand());
        cli.setStopAtPositional(true);
        cli.getHelpSectionMap().put(PLUGINS_SECTION, help -> String.format("%nPlugins (slowpoetry run PLUGIN --help"
                + " shows a plugin's options):%n") + Plugins.listing());
        List<String> keys = new ArrayList<>(cli.getHelpSectionKeys());
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), PLUGINS_SECTION);
        cli.setHelpSectionKeys(keys);
        return cli;
    }

    @Override
    public int order() {
        return 15;
    }
}
