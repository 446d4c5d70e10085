package org.slowpoetry.servers;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a poetry server reports as it works. Every impl reports the same events, and
 * {@link #printing(PrintStream)} turns them into the text's output lines, so all impls print the
 * same thing. The demo and the tests pass {@link #silent()} or their own recorder.
 *
 * <p><b>Threading:</b> impls call these from their own threads (one connection thread each, or
 * the reactor thread); implementations must be thread-safe. {@link #printing} is.
 */
public interface ServerEvents {

    /** The server is listening: {@code Serving POEM on port N.} */
    default void listening(Poem poem, InetSocketAddress address) {
    }

    /** A client connected: {@code Somebody at HOST:PORT wants poetry!} */
    default void connected(SocketAddress peer) {
    }

    /** Some bytes were sent to a client: {@code Sending N bytes} (slow servers, every send). */
    default void sent(SocketAddress peer, int bytes) {
    }

    /** The whole poem went to the client and its connection was closed. */
    default void finished(SocketAddress peer) {
    }

    /** The client went away before the poem was done. */
    default void dropped(SocketAddress peer, Throwable reason) {
    }

    /**
     * The code serving a client failed unexpectedly (a bug, not the client leaving); its connection
     * was closed. {@code --impl erlang} reports this from the monitor that saw the process go down.
     */
    default void crashed(SocketAddress peer, Throwable reason) {
    }

    /** A connection over {@code --max-connections} was closed at once. */
    default void refused(SocketAddress peer) {
    }

    /** Reports nothing. */
    static ServerEvents silent() {
        return new ServerEvents() {
        };
    }

    /** Prints the text's lines to {@code out}. */
    static ServerEvents printing(PrintStream out) {
        return new PrintingServerEvents(out::println);
    }

    /** Hands the text's lines, one whole line (no line end) at a time, to {@code line}. */
    static ServerEvents printing(Consumer<String> line) {
        return new PrintingServerEvents(line);
    }

    /** {@code serve --quiet}: only the start line, {@code Serving POEM on port N.}, to {@code line}. */
    static ServerEvents startLineOnly(Consumer<String> line) {
        Objects.requireNonNull(line, "line");
        return new ServerEvents() {
            @Override
            public void listening(Poem poem, InetSocketAddress address) {
                line.accept(PrintingServerEvents.servingLine(poem, address));
            }
        };
    }
}
