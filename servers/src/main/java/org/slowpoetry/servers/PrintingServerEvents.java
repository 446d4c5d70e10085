package org.slowpoetry.servers;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** {@link ServerEvents#printing}: the text's server output lines. {@link PrintStream} is thread-safe. */
final class PrintingServerEvents implements ServerEvents {
    private final PrintStream out;

    PrintingServerEvents(PrintStream out) {
        this.out = out;
    }

    @Override
    public void listening(Poem poem, InetSocketAddress address) {
        out.println("Serving " + poem.source() + " on port " + address.getPort() + ".");
    }

    @Override
    public void connected(SocketAddress peer) {
        out.println("Somebody at " + format(peer) + " wants poetry!");
    }

    @Override
    public void sent(SocketAddress peer, int bytes) {
        out.println("Sending " + bytes + " bytes");
    }

    @Override
    public void dropped(SocketAddress peer, Throwable reason) {
        out.println("Lost " + format(peer) + " before the poem was done: " + reason.getMessage());
    }

    @Override
    public void crashed(SocketAddress peer, Throwable reason) {
        out.println("Crashed while serving " + format(peer) + ": " + reason);
    }

    @Override
    public void refused(SocketAddress peer) {
        out.println("Turned away " + format(peer) + ": too many connections");
    }

    static String format(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress().getHostAddress();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
