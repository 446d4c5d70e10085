package org.slowpoetry.servers;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slowpoetry.cli.UserException;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.servers.proxy.DurationText;
import org.slowpoetry.servers.proxy.ProxyConfig;
import org.slowpoetry.servers.proxy.ProxyEvents;
import org.slowpoetry.servers.proxy.ProxyImpl;
import org.slowpoetry.servers.proxy.ProxyVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slowpoetry serve proxy UPSTREAM}: the caching poetry proxies of Parts 14 and 19, with the
 * text's exercises (a ttl, single flight) and a bound on the wait for the upstream.
 *
 * <p><b>Threading:</b> picocli populates and calls it on the main thread, which then waits for the
 * proxy to be stopped (Ctrl-C).
 */
@Command(
        name = "proxy",
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "Proxy the poetry server UPSTREAM (PORT or HOST:PORT) with a cache, as the text's proxies"
                    + " do (Part 14: 1.0 and 2.0; Part 19: 3.0). Prints 'Proxying UPSTREAM on HOST:PORT.',"
                    + " then 'Fetching poem from server.' or 'Using cached poem.' per client, and"
                    + " 'Canceling poem download.' when every client waiting for a download has left"
                    + " (3.0 and loom). Clients arriving while a download is in flight wait for that"
                    + " download (stderr says so); if it fails they are all closed without a poem."
                    + " Stop it with Ctrl-C.",
            "",
            "Impls (--impl NAME):",
            "  reactor  one event-loop thread with Deferreds: --version 1 (maybeDeferred), 2 (succeed),"
                    + " 3 (cancel the download when the client leaves)",
            "  loom     a virtual thread per client; a sibling subtask hears the client leave and cancels"
                    + " (the twin of 3)",
            ""
        })
final class ServeProxyCommand implements Callable<Integer> {

    /** Injected by picocli. */
    @Spec
    CommandSpec spec;

    /** Only --help: --version here is the text's proxy version, not the program's (picocli's standard pair). */
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    // Written by the setters while picocli parses (main thread), read by call() after.
    private ProxyImpl impl;
    private ProxyVersion version;
    private Duration cacheTtl;
    private Duration upstreamTimeout;

    @Option(names = "--impl", paramLabel = "NAME", defaultValue = "reactor",
            description = "reactor or loom (above). Default: ${DEFAULT-VALUE}.")
    void impl(String name) {
        try {
            impl = ProxyImpl.named(name);
        } catch (IllegalArgumentException e) {
            throw invalid("--impl", e.getMessage());
        }
    }

    @Option(names = "--version", paramLabel = "1|2|3", defaultValue = "3",
            description = "Which of the text's proxies (reactor; loom is 3). Default: ${DEFAULT-VALUE}.")
    void version(int n) {
        try {
            version = ProxyVersion.of(n);
        } catch (IllegalArgumentException e) {
            throw invalid("--version", e.getMessage());
        }
    }

    /** {@code --port}, {@code --iface} and {@code --write-timeout}, as every {@code serve} command takes them. */
    @Mixin
    ListenOptions listen;

    @Option(names = "--cache-ttl", paramLabel = "DURATION", defaultValue = "2h",
            description = "Serve a cached poem for this long, then fetch it again (exercise 14.2);"
                    + " 500ms, 30s, 2m, 2h, or seconds. Default: ${DEFAULT-VALUE}.")
    void cacheTtl(String text) {
        cacheTtl = duration("--cache-ttl", text);
    }

    @Option(names = "--upstream-timeout", paramLabel = "DURATION", defaultValue = "30s",
            description = "Give up on the upstream when connecting, or when it stays silent, for this long;"
                    + " every client waiting for it is then closed without a poem. Default: ${DEFAULT-VALUE}.")
    void upstreamTimeout(String text) {
        Duration d = duration("--upstream-timeout", text);
        if (d.isZero()) {
            throw invalid("--upstream-timeout", "'" + text + "' is not longer than zero");
        }
        upstreamTimeout = d;
    }

    /** UPSTREAM as given; parsed in {@link #call()}. Written by picocli, read after. */
    @Parameters(index = "0", paramLabel = "UPSTREAM", description = "The poetry server to proxy: PORT or HOST:PORT.")
    String upstream;

    @Override
    public Integer call() {
        if (impl == ProxyImpl.LOOM && version != ProxyVersion.V3) {
            throw invalid("--version", version.number() + " is reactor-only: the loom proxy is the twin of 3");
        }
        // Parsed here, not while picocli parses: picocli would wrap the exception in words of its own.
        Address address = Address.parse(upstream); // a bad address is one line from UserErrors
        var config = ProxyConfig.of(address)
                .withListen(listen.iface(), listen.port())
                .withVersion(version)
                .withCacheTtl(cacheTtl)
                .withUpstreamTimeout(upstreamTimeout)
                .withWriteTimeout(listen.writeTimeout())
                .withEvents(ProxyEvents.printing(System.out, System.err));
        PoetryServer proxy;
        try {
            proxy = impl.start(config);
        } catch (IOException e) {
            throw new UserException("cannot listen on " + Serving.hostPort(listen.iface(), listen.port()) + ": " + Serving.reason(e), e);
        }
        return Serving.runUntilStopped(proxy);
    }

    private Duration duration(String option, String text) {
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(option, e.getMessage());
        }
    }

    private ParameterException invalid(String option, String problem) {
        return new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': " + problem);
    }
}
