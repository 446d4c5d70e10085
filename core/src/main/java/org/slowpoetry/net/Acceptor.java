package org.slowpoetry.net;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * How an {@link AcceptLoop} takes the next client off its listener: {@link ServerSocket#accept()}
 * in production. A seam for tests, which make it fail the way an exhausted file table or a reset
 * peer does without exhausting anything.
 *
 * <p><b>Threading:</b> called on the loop's accepting thread only.
 */
@FunctionalInterface
interface Acceptor {

    /** The real thing. */
    Acceptor LISTENER = ServerSocket::accept;

    Socket accept(ServerSocket listener) throws IOException;
}
