package org.slowpoetry.trial;

import java.io.Closeable;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.NetworkChannel;

/**
 * A socket a {@link LoomTestScope} owns: whether it is still open, how a failure message names it
 * (its addresses, taken when it was owned and again when asked, since a closed socket forgets
 * them), and closing it.
 *
 * <p><b>Threading:</b> immutable; the sockets' own methods are thread-safe.
 */
record OwnedSocket(Closeable socket, String ownedAs) {

    /**
     * @throws IllegalArgumentException unless {@code socket} is a {@link Socket}, a
     *     {@link ServerSocket} or a {@link NetworkChannel}
     */
    static OwnedSocket of(Closeable socket) {
        return new OwnedSocket(socket, name(socket));
    }

    boolean isOpen() {
        return switch (socket) {
            case Socket s -> !s.isClosed();
            case ServerSocket s -> !s.isClosed();
            case NetworkChannel c -> c.isOpen();
            default -> throw new AssertionError("checked by of(): " + socket);
        };
    }

    /** {@code socket 127.0.0.1:51234 -> 127.0.0.1:10000}, {@code server socket 127.0.0.1:10000}. */
    String describe() {
        String now = name(socket);
        return now.equals(ownedAs) || !isOpen() ? ownedAs : now;
    }

    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing is all we can do; the leak check would report an fd that stayed open
        }
    }

    private static String name(Closeable socket) {
        return switch (socket) {
            case Socket s when s.isConnected() -> "socket " + Addresses.text(s.getLocalSocketAddress())
                    + " -> " + Addresses.text(s.getRemoteSocketAddress());
            case Socket s -> "unconnected socket";
            case ServerSocket s -> "server socket " + Addresses.text(s.getLocalSocketAddress());
            case NetworkChannel c -> "channel " + c;
            case null -> throw new IllegalArgumentException("socket is null");
            default -> throw new IllegalArgumentException("a LoomTestScope owns sockets (Socket, ServerSocket,"
                    + " NetworkChannel), not " + socket.getClass().getName());
        };
    }
}
