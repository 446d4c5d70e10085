package org.slowpoetry.servers.proxy;

import java.io.PrintStream;
import java.net.InetSocketAddress;
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
        err.println("Poem download from " + failure.address() + " failed: " + reason(failure)
                + "; its clients get no poem.");
    }

    /** The failure in a few words, for the proxy's operator (the clients see only a closed connection). */
    static String reason(FetchFailure failure) {
        return switch (failure) {
            case FetchFailure.UnknownHost f -> "no such host";
            case FetchFailure.Refused f -> "connection refused";
            case FetchFailure.CannotConnect f -> f.detail();
            case FetchFailure.TimedOut f -> (f.connected() ? "silent" : "no connection") + " for "
                    + f.after().toMillis() + " ms";
            case FetchFailure.Lost f -> f.detail() + " after " + f.received() + " bytes";
            case FetchFailure.NoPoem f -> "closed before sending a byte";
            case FetchFailure.TooLong f -> "more than " + f.limit() + " bytes";
            case FetchFailure.BadPoem f -> f.detail();
            case FetchFailure.Rejected f -> f.detail();
            case FetchFailure.GaveUp f -> reason(f.last());
        };
    }
}
