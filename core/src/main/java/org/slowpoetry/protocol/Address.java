package org.slowpoetry.protocol;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A server address as the text's clients take it: {@code PORT} or {@code HOST:PORT}, the host
 * defaulting to {@code 127.0.0.1}. Shared by every client so that all of them accept and reject
 * the same input with the same words.
 *
 * {@snippet :
 * Address.parse("10000");          // 127.0.0.1:10000
 * Address.parse("localhost:10001"); // localhost:10001
 * Address.parse("x:99999");        // BadAddressException: bad address 'x:99999': port out of range 1–65535
 * }
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param host a host name or literal address, never blank
 * @param port 1–65535
 */
public record Address(String host, int port) {
    /** The host used when only a port is given. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    public Address {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("blank host");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range 1–65535: " + port);
        }
    }

    /**
     * Parses {@code PORT} or {@code HOST:PORT} ({@code [V6ADDR]:PORT} for IPv6 literals).
     *
     * @throws BadAddressException naming the input and what is wrong with it
     */
    public static Address parse(String text) {
        if (text == null || text.isBlank()) {
            throw new BadAddressException(String.valueOf(text), "empty");
        }
        String host = DEFAULT_HOST;
        String port = text;
        if (text.startsWith("[")) {
            // An IPv6 literal: its own colons are inside the brackets; the port is after them.
            int close = text.indexOf(']');
            if (close < 0) {
                throw new BadAddressException(text, "missing ']' after the IPv6 host");
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            if (host.isBlank()) {
                throw new BadAddressException(text, "missing host between '[' and ']'");
            }
            if (rest.isEmpty()) {
                throw new BadAddressException(text, "missing port: write " + text + ":PORT");
            }
            if (!rest.startsWith(":")) {
                throw new BadAddressException(text, "expected ':PORT' after ']', not '" + rest + "'");
            }
            port = rest.substring(1);
        } else {
            int colon = text.lastIndexOf(':');
            if (colon >= 0) {
                host = text.substring(0, colon);
                port = text.substring(colon + 1);
                if (host.contains(":")) {
                    throw new BadAddressException(text, "write IPv6 hosts in brackets, as [::1]:PORT");
                }
                if (host.isBlank()) {
                    throw new BadAddressException(text, "missing host before ':'");
                }
            }
        }
        if (port.isEmpty()) {
            throw new BadAddressException(text, "missing port");
        }
        if (!port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new BadAddressException(text, "port '" + port + "' is not a number");
        }
        if (port.length() > 5 || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535) {
            throw new BadAddressException(text, "port out of range 1–65535");
        }
        return new Address(host, Integer.parseInt(port));
    }

    /**
     * The address a socket is bound or connected to, by its literal IP ({@code 127.0.0.1:10000},
     * {@code [::1]:10000}): how servers name a peer or their own port in log lines.
     *
     * @throws IllegalArgumentException if the address has no port (0) or is unresolved
     */
    public static Address of(InetSocketAddress socket) {
        if (socket.getAddress() == null) {
            throw new IllegalArgumentException("unresolved: " + socket);
        }
        return new Address(socket.getAddress().getHostAddress(), socket.getPort());
    }

    /** An unresolved socket address; resolution happens when a client connects. */
    public InetSocketAddress toSocketAddress() {
        return new InetSocketAddress(host, port);
    }

    /** {@code HOST:PORT}, as the text prints addresses ({@code [::1]:PORT} for IPv6). */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
