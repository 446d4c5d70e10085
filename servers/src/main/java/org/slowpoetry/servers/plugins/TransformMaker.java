package org.slowpoetry.servers.plugins;

import org.slowpoetry.servers.service.TransformServices;
import org.slowpoetry.servers.transform.TransformServerConfig;
import org.slowpoetry.service.Service;
import org.slowpoetry.service.ServiceContext;
import org.slowpoetry.transform.TransformService;

/**
 * {@code slowpoetry run transform}: Part 12's transformation server as a plugin, the standard
 * transforms behind a netstring port, on the shared reactor or in the Loom style.
 *
 * <p><b>Threading:</b> stateless; the runner calls it on its main thread.
 */
public final class TransformMaker extends PluginMaker<TransformOptions> {

    /** Used by {@link java.util.ServiceLoader}. */
    public TransformMaker() {
        super("transform", "A poetry transformation service.", TransformOptions::new);
    }

    @Override
    public Service makeService(TransformOptions options, ServiceContext context) {
        var config = TransformServerConfig.of(TransformService.standard())
                .withIface(options.iface.iface())
                .withPort(options.port())
                .withClock(context.clock());
        return switch (options.impl()) {
            case REACTOR -> TransformServices.reactor(name(), context.reactor(), config);
            case LOOM -> TransformServices.loom(name(), config);
            case ERLANG -> throw new IllegalStateException("--impl allows reactor and loom only");
        };
    }
}
