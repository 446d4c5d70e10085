package org.slowpoetry.trial;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Socket addresses as failure messages show them.
 *
 * <p><b>Threading:</b> stateless; any thread.
 */
final class Addresses {

    private Addresses() {
    }

    /** {@code 127.0.0.1:10000}, {@code [::1]:10000}, {@code localhost:10000} (unresolved). */
    static String text(SocketAddress address) {
        if (!(address instanceof InetSocketAddress a)) {
            return String.valueOf(address);
        }
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
