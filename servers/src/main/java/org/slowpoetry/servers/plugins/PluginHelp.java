package org.slowpoetry.servers.plugins;

import picocli.CommandLine.Option;

/**
 * {@code -h} and {@code --help} for a plugin's options ({@code slowpoetry run PLUGIN --help}), a
 * picocli mixin. Only these two: a plugin's {@code --version} would be the program's, and the
 * proxy's text has a {@code --version} of its own.
 *
 * <p><b>Threading:</b> written by picocli on the main thread while parsing, read after.
 */
final class PluginHelp {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
