package org.slowpoetry.servers.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.slowpoetry.servers.run.ServiceMaker;
import picocli.CommandLine;

/** The plugins are found as {@code slowpoetry run} finds them, each with its line for {@code --help}. */
class PluginDiscoveryTest {

    @Test
    void theFourPluginsAreFoundByTheServiceLoaderWithTheirDescriptions() {
        Map<String, String> found = new TreeMap<>();
        for (ServiceMaker<?> maker : ServiceLoader.load(ServiceMaker.class)) {
            found.put(maker.name(), maker.description());
        }
        assertEquals(Map.of(
                "fastpoetry", "A fast poetry service.",
                "slowpoetry", "A slow poetry service.",
                "transform", "A poetry transformation service.",
                "proxy", "A caching poetry proxy service."), found);
    }

    @Test
    void eachPluginsOptionsAreACommandNamedAfterItWithHelp() {
        for (ServiceMaker<?> maker : ServiceLoader.load(ServiceMaker.class)) {
            var command = new CommandLine(maker.newOptions());
            assertEquals(maker.name(), command.getCommandName());
            command.parseArgs("--help");
            assertEquals(true, command.isUsageHelpRequested(), maker.name());
        }
    }
}
