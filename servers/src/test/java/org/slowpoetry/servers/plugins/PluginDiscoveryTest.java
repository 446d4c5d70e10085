package org.slowpoetry.servers.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.slowpoetry.servers.run.ServiceMaker;
import picocli.CommandLine;

/** The plugins are found as {@code slowpoetry run} finds them, each with its line for {@code --help}. */
class PluginDiscoveryTest {

    /** This package's plugins (the tests' resources register a test plugin besides). */
    private static final Map<String, String> OURS = Map.of(
            "fastpoetry", "A fast poetry service.",
            "slowpoetry", "A slow poetry service.",
            "transform", "A poetry transformation service.",
            "proxy", "A caching poetry proxy service.");

    private static List<ServiceMaker<?>> ours() {
        return ServiceLoader.load(ServiceMaker.class).stream()
                .<ServiceMaker<?>>map(ServiceLoader.Provider::get)
                .filter(maker -> maker instanceof PluginMaker<?>)
                .toList();
    }

    @Test
    void theFourPluginsAreFoundByTheServiceLoaderWithTheirDescriptions() {
        Map<String, String> found = new TreeMap<>();
        ours().forEach(maker -> found.put(maker.name(), maker.description()));
        assertEquals(new TreeMap<>(OURS), found);
    }

    @Test
    void eachPluginsOptionsAreACommandNamedAfterItWithHelp() {
        for (ServiceMaker<?> maker : ours()) {
            var command = new CommandLine(maker.newOptions());
            assertEquals(maker.name(), command.getCommandName());
            command.parseArgs("--help");
            assertTrue(command.isUsageHelpRequested(), maker.name());
        }
    }
}
