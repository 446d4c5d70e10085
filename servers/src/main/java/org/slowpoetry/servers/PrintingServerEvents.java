package org.slowpoetry.servers;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@link ServerEvents#printing}: the text's server output lines, each handed whole to a line sink.
 *
 * <p><b>Threading:</b> as thread-safe as the sink ({@link java.io.PrintStream#println} and
 * {@link LinePrinter#println} are); its one field is a cache any thread may replace.
 */
final class PrintingServerEvents implements ServerEvents {
    private final Consumer<String> out;

    /**
     * The last {@code Sending N bytes} line made: a slow server's sends are all the same size but
     * the last, so the line is made once, not per send. Written and read by any serving thread; a
     * race only makes a line again.
     */
    private volatile Sending lastSent;

    /** A send's size and its line. */
    private record Sending(int bytes, String line) {
    }

    PrintingServerEvents(Consumer<String> out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** The start line: {@code Serving POEM on port N.} */
    static String servingLine(Poem poem, InetSocketAddress address) {
        return "Serving " + poem.source() + " on port " + address.getPort() + ".";
    }

    @Override
    public void listening(Poem poem, InetSocketAddress address) {
        out.accept(servingLine(poem, address));
    }

    @Override
    public void connected(SocketAddress peer) {
        out.accept("Somebody at " + format(peer) + " wants poetry!");
    }

    @Override
    public void sent(SocketAddress peer, int bytes) {
        Sending last = lastSent; // one read: another thread may replace it meanwhile
        if (last == null || last.bytes() != bytes) {
            last = new Sending(bytes, "Sending " + bytes + " bytes");
            lastSent = last;
        }
        out.accept(last.line());
    }

    @Override
    public void dropped(SocketAddress peer, Throwable reason) {
        out.accept("Lost " + format(peer) + " before the poem was done: " + reason.getMessage());
    }

    @Override
    public void crashed(SocketAddress peer, Throwable reason) {
        out.accept("Crashed while serving " + format(peer) + ": " + reason);
    }

    @Override
    public void refused(SocketAddress peer) {
        out.accept("Turned away " + format(peer) + ": too many connections");
    }

    static String format(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress().getHostAddress();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
