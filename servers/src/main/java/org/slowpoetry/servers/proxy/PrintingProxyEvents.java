package org.slowpoetry.servers.proxy;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import org.slowpoetry.fetch.FailureText;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.protocol.Address;

/**
 * {@link ProxyEvents#printing}: on stdout the lines the text's proxies print, on stderr what we
 * add (a client joining a download, a failed download). {@link PrintStream} is thread-safe.
 */
final class PrintingProxyEvents implements ProxyEvents {
    private final PrintStream out;
    private final PrintStream err;

    PrintingProxyEvents(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void listening(Address upstream, InetSocketAddress address) {
        String host = address.getAddress().getHostAddress();
        out.println("Proxying " + upstream + " on " + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + address.getPort() + ".");
    }

    @Override
    public void usingCache() {
        out.println("Using cached poem.");
    }

    @Override
    public void fetching() {
        out.println("Fetching poem from server.");
    }

    @Override
    public void joined() {
        err.println("Waiting for the poem being fetched.");
    }

    @Override
    public void cancelling() {
        out.println("Canceling poem download.");
    }

    @Override
    public void failed(FetchFailure failure) {
        err.println("Poem download failed: " + FailureText.reason(failure) + "; its clients get no poem.");
    }
}
