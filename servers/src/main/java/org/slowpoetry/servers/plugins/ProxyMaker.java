package org.slowpoetry.servers.plugins;

import org.slowpoetry.servers.proxy.ProxyConfig;
import org.slowpoetry.servers.proxy.ProxyEvents;
import org.slowpoetry.servers.service.ProxyServices;
import org.slowpoetry.service.Service;
import org.slowpoetry.service.ServiceContext;

/**
 * {@code slowpoetry run proxy UPSTREAM}: the caching poetry proxy as a plugin (Part 16's exercise
 * 4), proxy 3.0 on the shared reactor or its Loom twin, logging what the text's proxy prints.
 *
 * <p><b>Threading:</b> stateless; the runner calls it on its main thread.
 */
public final class ProxyMaker extends PluginMaker<ProxyOptions> {

    /** Used by {@link java.util.ServiceLoader}. */
    public ProxyMaker() {
        super("proxy", "A caching poetry proxy service.", ProxyOptions::new);
    }

    @Override
    public Service makeService(ProxyOptions options, ServiceContext context) {
        ProxyConfig config = options.config().withClock(context.clock()).withEvents(ProxyEvents.logging());
        return switch (options.impl()) {
            case REACTOR -> ProxyServices.reactor(name(), context.reactor(), config);
            case LOOM -> ProxyServices.loom(name(), config);
            case ERLANG -> throw new IllegalStateException("--impl allows reactor and loom only");
        };
    }
}
