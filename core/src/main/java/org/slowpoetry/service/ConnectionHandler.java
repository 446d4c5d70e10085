package org.slowpoetry.service;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/**
 * What a {@link LoomTcpServer} does with one client, written as plain blocking code: read, write,
 * sleep, as long as it likes. The Loom counterpart of a reactor {@code Protocol}: where a protocol
 * is called back for each event, a handler is the whole conversation, start to end.
 *
 * {@snippet :
 * ConnectionHandler poem = (client, out) -> out.write(poetry.poem().bytes());
 * var tcp = new LoomTcpServer("tcp-10000", "localhost", 10000, poem);
 * }
 *
 * <p><b>Threading:</b> each call runs on the connection's own virtual thread, many at once; an
 * implementation shares nothing mutable between calls unless it is thread-safe.
 */
@FunctionalInterface
public interface ConnectionHandler {

    /**
     * Serves {@code client} until done, writing through {@code out}: the client's output, every
     * write bounded by the server's write timeout (a client that takes nothing for that long is
     * closed, and the write throws), so a client that never reads holds only its own thread. The
     * server closes the socket afterwards, however this ends: the handler need not (it may, to end
     * the connection sooner).
     *
     * @throws IOException          the client went away or sent nonsense: the connection ends, with
     *                              a debug log line
     * @throws InterruptedException the server is stopping: it interrupts every connection thread
     *                              (a virtual thread blocked on the socket has it closed under it)
     */
    void serve(Socket client, OutputStream out) throws IOException, InterruptedException;
}
