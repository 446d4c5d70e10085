package org.slowpoetry.service;

import java.net.InetSocketAddress;
import org.slowpoetry.protocol.Address;

/**
 * What the two TCP services share: the check of the port they are given, and their two log lines
 * (each service logs them itself, at info), whose format the runner's tests and a reader of the
 * log rely on:
 * {@code NAME listening on HOST:PORT} and {@code NAME stopped listening on HOST:PORT}.
 *
 * <p><b>Threading:</b> stateless.
 */
final class TcpServices {

    private TcpServices() {
    }

    /** {@code port} if it is 0 (any free one) to 65535. @throws IllegalArgumentException otherwise */
    static int checkPort(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range 0–65535: " + port);
        }
        return port;
    }

    /** What {@code address()} throws before {@code service} has started. */
    static IllegalStateException notListening(Service service) {
        return new IllegalStateException(service.name() + " is not listening: it is " + service.state());
    }

    /** The start's log line: {@code NAME listening on HOST:PORT}. */
    static String listening(String name, InetSocketAddress address) {
        return name + " listening on " + Address.of(address);
    }

    /** The stop's log line: {@code NAME stopped listening on HOST:PORT}. */
    static String stoppedListening(String name, InetSocketAddress address) {
        return name + " stopped listening on " + Address.of(address);
    }
}
