package org.slowpoetry.servers.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.slowpoetry.servers.Clients;

/**
 * Hostile and clumsy clients for the fault suite: many at once, leaving with a reset or a plain
 * close, half-closing, sending what nobody asked for. Each socket here has a read timeout
 * ({@link Clients#READ_TIMEOUT}), so a server that hangs fails the case instead of hanging it.
 *
 * <p><b>Threading:</b> stateless; the caller owns (and closes) every socket it gets.
 */
final class Peers {

    private Peers() {
    }

    /** {@code n} clients connected to {@code server}, in order; if one cannot connect, none is left open. */
    static List<Socket> connect(InetSocketAddress server, int n) throws IOException {
        List<Socket> sockets = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) {
                sockets.add(Clients.connect(server));
            }
            return sockets;
        } catch (IOException | RuntimeException e) {
            sockets.forEach(Peers::reset);
            throw e;
        }
    }

    /** Leaves with a reset (RST): {@code SO_LINGER} 0, then close. Never throws. */
    static void reset(Socket socket) {
        try (socket) {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // already gone: gone either way
        }
    }

    /** Leaves with an orderly close (FIN). Never throws. */
    static void leave(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // gone either way
        }
    }

    /** Every byte until the server closes the connection. */
    static byte[] readAll(Socket socket) throws IOException {
        return socket.getInputStream().readAllBytes();
    }

    /**
     * Every byte until the server ends the connection, with an end of stream or a reset (a server
     * that closes with bytes of ours unread resets). A server that does neither fails the read
     * after the read timeout.
     */
    static byte[] readAllOrReset(Socket socket) throws IOException {
        var received = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        InputStream in = socket.getInputStream();
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                received.write(buffer, 0, n);
            }
        } catch (java.net.SocketTimeoutException stillOpen) {
            throw stillOpen;
        } catch (IOException reset) {
            // an end too
        }
        return received.toByteArray();
    }

    /**
     * Whether the server has ended the connection: end of stream, or a reset. Reads (and drops)
     * whatever the server sent before it ended, and waits at most the read timeout.
     */
    static boolean ended(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            in.skip(Long.MAX_VALUE);
            return true;
        } catch (java.net.SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /**
     * Whether the server has closed its end of {@code socket}'s connection, without reading from it
     * (a read would let a stalled server write on): the kernel's table of TCP sockets
     * ({@code /proc/net/tcp}) has this end in {@code CLOSE_WAIT} (the server's end of stream
     * arrived), or no longer has it (a reset closed it). Linux only.
     */
    static boolean closedByServer(Socket socket) {
        String local = String.format("0100007F:%04X", socket.getLocalPort());
        String remote = String.format("0100007F:%04X", socket.getPort());
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/net/tcp"))) {
                String[] fields = line.strip().split("\\s+");
                if (fields.length > 3 && fields[1].equals(local) && fields[2].equals(remote)) {
                    return fields[3].equals(CLOSE_WAIT);
                }
            }
            return true; // reset: the kernel has forgotten the connection
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The state {@code /proc/net/tcp} gives an end whose peer has closed (and that has not closed yet). */
    private static final String CLOSE_WAIT = "08";

    /** {@code bytes} of garbage: every byte value, lines that look like requests, and none that end one. */
    static byte[] garbage(int bytes) {
        byte[] junk = new byte[bytes];
        byte[] pattern = "GET / HTTP/1.1\r\n\0\377{}:,.poem\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes; i++) {
            junk[i] = (i / pattern.length) % 2 == 0 ? pattern[i % pattern.length] : (byte) i;
        }
        return junk;
    }

    /** Writes {@code bytes} to {@code socket}, turning a failure into an unchecked one. */
    static void send(Socket socket, byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
