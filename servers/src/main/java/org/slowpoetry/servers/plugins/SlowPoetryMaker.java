package org.slowpoetry.servers.plugins;

import org.slowpoetry.servers.service.PoetryTcp;
import org.slowpoetry.service.Service;
import org.slowpoetry.service.ServiceContext;

/**
 * {@code slowpoetry run slowpoetry --poem FILE}: the slow poetry server of Part 2 as a plugin,
 * {@code --num-bytes} every {@code --delay} seconds to each client ({@link PoetryTcp#slow}), on the
 * shared reactor, in the Loom style, or as the Erlang-style process tree; a second poem on a second
 * port as the {@code fastpoetry} plugin takes it.
 *
 * <p><b>Threading:</b> stateless; the runner calls it on its main thread.
 */
public final class SlowPoetryMaker extends PluginMaker<SlowPoetryOptions> {

    /** Used by {@link java.util.ServiceLoader}. */
    public SlowPoetryMaker() {
        super("slowpoetry", "A slow poetry service.", SlowPoetryOptions::new);
    }

    @Override
    public Service makeService(SlowPoetryOptions options, ServiceContext context) {
        PoetryOptions poetry = options.poetry;
        PoetryTcp tcp = PoetryTcp.slow(options.pacing.numBytes(), options.pacing.delay()).withClock(context.clock());
        return PoetryTrees.make(name(), options.impl(), tcp, context, poetry.iface(), poetry.served());
    }
}
