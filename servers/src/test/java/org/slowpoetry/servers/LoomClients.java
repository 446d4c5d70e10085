package org.slowpoetry.servers;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.slowpoetry.testing.TcpClients;
import org.slowpoetry.trial.LoomTestScope;

/**
 * Blocking clients for tests under {@link org.slowpoetry.trial.LoomTest}: each runs on a fork of
 * the test's {@link LoomTestScope}, which owns its socket, so a client the test forgets fails the
 * test by name. Every wait is bounded: the connect and each read by {@link TcpClients#TIMEOUT},
 * the join by the scope's timeout.
 *
 * <p><b>Threading:</b> stateless; call from the test's thread (or a fork of its scope).
 */
public final class LoomClients {

    private LoomClients() {
    }

    /** Sends {@code request} to {@code server} and returns every byte it answers until it closes. */
    public static byte[] ask(LoomTestScope scope, InetSocketAddress server, byte[] request) throws Exception {
        return scope.fork("client", () -> {
            try (Socket socket = scope.own(TcpClients.connect(server))) {
                socket.getOutputStream().write(request);
                return socket.getInputStream().readAllBytes();
            }
        }).join();
    }

    /** Every byte {@code server} sends until it closes the connection: a poem, from a poetry server. */
    public static byte[] fetch(LoomTestScope scope, InetSocketAddress server) throws Exception {
        return ask(scope, server, new byte[0]);
    }

    /** Fails unless nothing listens on {@code server} any more: a connect is refused. */
    public static void assertRefused(LoomTestScope scope, InetSocketAddress server) {
        assertThrows(ConnectException.class, scope.fork("client", () -> scope.own(TcpClients.connect(server)))::join,
                "still listening on " + server);
    }
}
