package org.slowpoetry.servers.plugins;

import org.slowpoetry.servers.service.PoetryTcp;
import org.slowpoetry.service.Service;
import org.slowpoetry.service.ServiceContext;

/**
 * {@code slowpoetry run fastpoetry --poem FILE}: Part 16's Fast Poetry 3.0 plugin. The poem's
 * service and a port that sends it whole to each client ({@link PoetryTcp#fast()}), on the shared
 * reactor or in the Loom style; with {@code --poem2} and {@code --port2}, a second poem on a
 * second port (exercise 16.3).
 *
 * <p><b>Threading:</b> stateless; the runner calls it on its main thread.
 */
public final class FastPoetryMaker extends PluginMaker<FastPoetryOptions> {

    /** Used by {@link java.util.ServiceLoader}. */
    public FastPoetryMaker() {
        super("fastpoetry", "A fast poetry service.", FastPoetryOptions::new);
    }

    @Override
    public Service makeService(FastPoetryOptions options, ServiceContext context) {
        PoetryOptions poetry = options.poetry;
        return PoetryTrees.make(name(), options.impl(), PoetryTcp.fast().withClock(context.clock()), context,
                poetry.iface(), poetry.served());
    }
}
