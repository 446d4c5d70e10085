package org.slowpoetry.servers.plugins;

import java.util.Objects;
import java.util.function.Supplier;
import org.slowpoetry.servers.run.ServiceMaker;

/**
 * What every plugin of this package has besides its {@code makeService}: its name, its one line
 * for {@code slowpoetry run --help}, and a fresh options object per run. Twisted's
 * {@code tapname}, {@code description} and {@code options}.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param <O> the plugin's options
 */
abstract class PluginMaker<O> implements ServiceMaker<O> {
    private final String name;
    private final String description;
    private final Supplier<O> options;

    PluginMaker(String name, String description, Supplier<O> options) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final O newOptions() {
        return options.get();
    }
}
