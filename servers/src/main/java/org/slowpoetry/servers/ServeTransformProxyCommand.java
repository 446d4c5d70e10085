package org.slowpoetry.servers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slowpoetry.cli.UserException;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.servers.transform.TransformImpl;
import org.slowpoetry.servers.transform.TransformProxy;
import org.slowpoetry.servers.transform.TransformProxyConfig;
import org.slowpoetry.servers.transform.TransformServer;
import org.slowpoetry.servers.transform.TransformServerConfig;
import org.slowpoetry.time.MonotonicClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slowpoetry serve transform-proxy}: Part 14's exercise 4, a transform service that forwards
 * every request to another transform server ({@link TransformProxy}).
 *
 * <p><b>Threading:</b> picocli populates and calls it on the main thread, which then waits for the
 * proxy to be stopped (Ctrl-C).
 */
@Command(
        name = "transform-proxy",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "Serve poetry transformations by forwarding them (Part 14, exercise 4): speaks the protocol of"
                    + " 'serve transform' (one netstring NAME.POEM in, one netstring reply, close), and passes"
                    + " each request, whatever its NAME, to the transform server at UPSTREAM_XFORM, relaying"
                    + " its reply. When the upstream closes without a reply (it has no such transform),"
                    + " refuses, or stays silent past --upstream-timeout, the client's connection is closed"
                    + " with no reply, and a log line says why. Prints 'Proxying transforms for UPSTREAM on"
                    + " HOST:PORT.' at start. Stop it with Ctrl-C.",
            ""
        },
        footer = {
            "",
            "Impls (--impl NAME):",
            "  reactor  one event-loop thread serves clients and calls the upstream with Deferreds",
            "  loom     a virtual thread per connection calls the upstream with plain blocking code"
        })
final class ServeTransformProxyCommand implements Callable<Integer> {

    /** The command, for its output stream. Injected by picocli. */
    @Spec
    CommandSpec spec;

    /** {@code --port}, {@code --iface} and {@code --write-timeout}. */
    @Mixin
    ListenOptions listen;

    // Each field is written by its setter while picocli parses (main thread), read by call() after.
    private TransformImpl impl;
    private Duration upstreamTimeout;
    private String upstream;

    @Option(names = "--impl", paramLabel = "NAME", defaultValue = "reactor",
            description = "How the proxy is written: reactor or loom (listed below). Default: ${DEFAULT-VALUE}.")
    void impl(String name) {
        try {
            impl = TransformImpl.named(name);
        } catch (IllegalArgumentException e) {
            throw listen.invalid("--impl", e.getMessage());
        }
    }

    @Option(names = "--upstream-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "The longest the connect to the upstream may take, and the longest it may then stay"
                    + " silent (fractions allowed). Default: ${DEFAULT-VALUE}.")
    void upstreamTimeout(double seconds) {
        upstreamTimeout = listen.timeout("--upstream-timeout", seconds);
    }

    @Parameters(index = "0", paramLabel = "UPSTREAM_XFORM",
            description = "The transform server to forward to: PORT or HOST:PORT.")
    void upstream(String address) {
        upstream = address;
    }

    @Override
    public Integer call() {
        Address address = Address.parse(upstream); // a BadAddressException is the CLI's to word
        // A client's connection outlives the upstream call: its connect, then its silence, each bounded.
        Duration requestTimeout = TransformServerConfig.DEFAULT_REQUEST_TIMEOUT.plus(upstreamTimeout.multipliedBy(2));
        var config = new TransformProxyConfig(address, upstreamTimeout, listen.iface(), listen.port(),
                requestTimeout, listen.writeTimeout(), MonotonicClock.system());
        TransformServer proxy;
        try {
            proxy = TransformProxy.start(impl, config);
        } catch (IOException e) {
            throw new UserException("cannot listen on " + Serving.hostPort(listen.iface(), listen.port()) + ": "
                    + Serving.reason(e), e);
        }
        InetSocketAddress bound = proxy.address();
        var out = spec.commandLine().getOut();
        out.println("Proxying transforms for " + address + " on "
                + Serving.hostPort(bound.getAddress().getHostAddress(), bound.getPort()) + ".");
        out.flush();
        return Serving.runUntilStopped(proxy);
    }
}
