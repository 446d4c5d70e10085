package org.slowpoetry.servers.plugins;

import java.time.Duration;
import java.util.EnumSet;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.servers.ListenOptions;
import org.slowpoetry.servers.proxy.DurationText;
import org.slowpoetry.servers.proxy.ProxyConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The {@code proxy} plugin's options (exercise 16.4): where it listens, {@code --port} (10002 by
 * default: beside the poetry plugins' 10000 and a second poem's 10001, so that a poetry service
 * and its proxy run with their defaults), {@code --iface}, {@code --impl}, the cache's
 * {@code --cache-ttl}, and the server it proxies, {@code UPSTREAM}, read as {@code serve proxy}
 * reads them.
 *
 * <p><b>Threading:</b> written by picocli on the runner's main thread while parsing, read by the
 * plugin on the same thread afterwards.
 */
@Command(name = "proxy", description = "A caching poetry proxy service.", sortOptions = false,
        usageHelpAutoWidth = true)
public final class ProxyOptions {

    /** Injected by picocli. */
    @Spec
    CommandSpec spec;

    // Written by the setters while picocli parses (main thread), read by the plugin after.
    private int port;
    private Duration cacheTtl;
    private Address upstream;

    @Option(names = {"-p", "--port"}, paramLabel = "N", defaultValue = "10002",
            description = "The port number to listen on. Default: ${DEFAULT-VALUE}.")
    void port(int value) {
        port = ListenOptions.checkPort(spec, "--port", value);
    }

    /** {@code --iface}. */
    @Mixin
    IfaceOption iface;

    /** {@code --impl}. */
    @Mixin
    ImplOption impl = new ImplOption(EnumSet.of(Impl.REACTOR, Impl.LOOM));

    @Option(names = "--cache-ttl", paramLabel = "DURATION", defaultValue = "2h",
            description = "Serve a cached poem for this long, then fetch it again (exercise 14.2);"
                    + " 500ms, 30s, 2m, 2h, or seconds. Default: ${DEFAULT-VALUE}.")
    void cacheTtl(String text) {
        try {
            cacheTtl = DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw ListenOptions.invalid(spec, "--cache-ttl", e.getMessage());
        }
    }

    @Parameters(index = "0", paramLabel = "UPSTREAM", description = "The poetry server to proxy: PORT or HOST:PORT.")
    void upstream(String text) {
        upstream = Address.parse(text); // a bad address is one line from UserErrors
    }

    @Mixin
    PluginHelp help;

    Impl impl() {
        return impl.impl();
    }

    /** The proxy 3.0 these options describe, with no events yet. */
    ProxyConfig config() {
        return ProxyConfig.of(upstream).withListen(iface.iface(), port).withCacheTtl(cacheTtl);
    }
}
