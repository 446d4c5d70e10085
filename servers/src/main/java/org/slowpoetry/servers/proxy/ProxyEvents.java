package org.slowpoetry.servers.proxy;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.protocol.Address;

/**
 * What a poetry proxy reports as it works, the same for both impls; {@link #printing} turns the
 * events into the text's lines on stdout and our additions on stderr.
 *
 * <p><b>Threading:</b> impls call these from their own threads (the reactor's, or a client's
 * virtual thread); implementations must be thread-safe. {@link #printing} is.
 */
public interface ProxyEvents {

    /** Listening: {@code Proxying UPSTREAM on HOST:PORT.} */
    default void listening(Address upstream, InetSocketAddress address) {
    }

    /** A client gets the cached poem: {@code Using cached poem.} */
    default void usingCache() {
    }

    /** A client's request starts a download: {@code Fetching poem from server.} */
    default void fetching() {
    }

    /** A client's request joins the download in flight (single flight; stderr). */
    default void joined() {
    }

    /** Nobody wants the download in flight any more: {@code Canceling poem download.} */
    default void cancelling() {
    }

    /** The download failed; every client waiting for it is closed without a poem (stderr). */
    default void failed(FetchFailure failure) {
    }

    /** Reports nothing. */
    static ProxyEvents silent() {
        return new ProxyEvents() {
        };
    }

    /** Log lines, for a proxy run as a service (the TCP service logs where it listens). */
    static ProxyEvents logging() {
        return new LoggingProxyEvents();
    }

    /** The text's lines to {@code out}, ours to {@code err}. */
    static ProxyEvents printing(PrintStream out, PrintStream err) {
        return new PrintingProxyEvents(out, err);
    }
}
