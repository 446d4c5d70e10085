package org.slowpoetry.clients;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.protocol.NetstringDecoder;
import org.slowpoetry.protocol.NetstringEncoder;
import org.slowpoetry.protocol.ProtocolException;
import org.slowpoetry.transform.BadTransformRequestException;
import org.slowpoetry.transform.Cummingsify;
import org.slowpoetry.transform.TransformRequest;

/**
 * A small transform server speaking Part 12's protocol, for client tests until the servers module
 * has the real one: one netstring request {@code NAME.POEM}, one netstring reply, then close. It
 * knows {@code cummingsify} and {@code upper}; for any other name ({@value #FAILING} in tests) it
 * closes the connection without a reply, as the protocol says for an unknown transform. One
 * connection at a time on 127.0.0.1.
 *
 * {@snippet :
 * @AutoClose
 * private final TestTransformServer xform = TestTransformServer.start();   // one per test
 * }
 *
 * <p><b>Threading:</b> one platform thread accepts and serves; {@link #close()} closes the
 * listening socket and the connection being served, and joins the thread.
 */
public final class TestTransformServer implements AutoCloseable {
    /** A transform this server does not know: it closes without a reply. */
    public static final String FAILING = "fail";

    private final ServerSocket listener;
    private final Thread thread;
    /** Requests read whole so far; written by the server thread, read by tests. */
    private final AtomicInteger requests = new AtomicInteger();
    /** The connection being served; written by the server thread, closed by close(). */
    private volatile Socket current;

    private TestTransformServer() {
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = Thread.ofPlatform().name("test-transform-server-" + listener.getLocalPort()).start(this::serve);
    }

    /** A server listening on a random loopback port. */
    public static TestTransformServer start() {
        return new TestTransformServer();
    }

    public Address address() {
        return new Address("127.0.0.1", listener.getLocalPort());
    }

    /** How many requests it has read. */
    public int requests() {
        return requests.get();
    }

    /** What this server makes of {@code request}: the reply, or none. */
    static Optional<String> transform(TransformRequest request) {
        return switch (request.name()) {
            case "cummingsify" -> Optional.of(Cummingsify.cummingsify(request.poem()));
            case "upper" -> Optional.of(request.poem().toUpperCase(Locale.ROOT));
            default -> Optional.empty();
        };
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                current = socket;
                Optional<byte[]> payload = readRequest(socket.getInputStream());
                if (payload.isPresent()) {
                    requests.incrementAndGet();
                    Optional<String> reply = transform(TransformRequest.parse(payload.get()));
                    if (reply.isPresent()) {
                        socket.getOutputStream().write(NetstringEncoder.encode(reply.get().getBytes(StandardCharsets.UTF_8)));
                    }
                }
            } catch (IOException | ProtocolException | BadTransformRequestException e) {
                // the listener was closed, the client went away or sent nonsense: close it, serve the next
            }
        }
    }

    /** The first netstring's payload, or empty if the client closed before sending one. */
    private static Optional<byte[]> readRequest(InputStream in) throws IOException {
        NetstringDecoder decoder = new NetstringDecoder();
        List<byte[]> payloads = new ArrayList<>(1);
        byte[] buffer = new byte[4096];
        for (int n; payloads.isEmpty() && (n = in.read(buffer)) != -1; ) {
            decoder.feed(buffer, 0, n, payloads::add);
        }
        return payloads.stream().findFirst();
    }

    /** Stops accepting, cuts the connection being served, and waits for the server thread to end. */
    @Override
    public void close() throws InterruptedException {
        closeQuietly(listener);
        closeQuietly(current);
        thread.join();
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException ignored) {
            // it was going anyway
        }
    }
}
