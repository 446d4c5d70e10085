package org.slowpoetry.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.transform.TransformRequest;

/**
 * A poem transformed by a transform server (Part 12) with plain blocking calls: connect, send one
 * netstring {@code NAME.POEM}, read the one netstring that comes back. Part 12's exercise 5, a
 * synchronous client for the service; the Loom clients run it unchanged on a virtual thread, as
 * they run {@link BlockingFetch}.
 *
 * {@snippet :
 * try {
 *     poem = BlockingTransform.xform(xformAddress, "cummingsify", poem, settings);
 * } catch (FetchException e) {
 *     switch (e.failure()) { ... }      // Refused, NoReply (an unknown transform), TimedOut, ...
 * }
 * }
 *
 * <p>It answers exactly as the reactor's {@link TransformClient} does: the protocol's rules and the
 * classification of failures are {@link TransformExchange}'s, shared by both. Every read is bounded
 * by {@link FetchSettings#timeout()}, as is the connect; the reply by
 * {@link FetchSettings#maxPoemBytes()}.
 *
 * <p><b>Threading:</b> stateless; {@link #xform} runs on the calling thread and blocks it until the
 * reply is in or the request has failed. It opens one socket and closes it before it returns. On a
 * virtual thread an interrupt closes the socket at once and {@code xform} throws
 * {@link InterruptedException}.
 */
public final class BlockingTransform {

    private BlockingTransform() {
    }

    /**
     * {@code poem} transformed by the transform called {@code name} on the server at
     * {@code xformAddress}.
     *
     * @return the reply: the transformed poem
     * @throws FetchException if there is no reply: its {@link FetchException#failure()} says why
     * @throws InterruptedException if the thread is interrupted; the socket is closed
     * @throws IllegalArgumentException if {@code name} is empty or has a dot (it cannot be sent)
     */
    public static String xform(Address xformAddress, String name, String poem, FetchSettings settings)
            throws FetchException, InterruptedException {
        var exchange = new TransformExchange(xformAddress, new TransformRequest(name, poem), settings);
        PoemResult result;
        IOException cause = null; // what the JDK threw, kept for --verbose
        try (Socket socket = new Socket()) {
            BlockingFetch.connect(socket, xformAddress, settings);
            exchange.connected();
            socket.setSoTimeout(settings.timeoutMillis());
            socket.getOutputStream().write(exchange.requestBytes());
            result = awaitReply(socket.getInputStream(), exchange);
        } catch (IOException e) {
            BlockingFetch.throwInterruptedIfInterrupted(e);
            result = exchange.failed(e);
            cause = e;
        }
        return switch (result) {
            case PoemResult.Poem(byte[] reply) -> TransformExchange.text(reply);
            case PoemResult.Failed(FetchFailure why, byte[] none) -> throw new FetchException(why, none, cause);
        };
    }

    /** Reads until the exchange has its result: the reply, or the end of the stream without one. */
    private static PoemResult awaitReply(InputStream in, TransformExchange exchange) throws IOException {
        byte[] buffer = new byte[BlockingFetch.READ_SIZE];
        for (int n; (n = in.read(buffer)) != -1; ) {
            Optional<PoemResult> result = exchange.received(ByteBuffer.wrap(buffer, 0, n));
            if (result.isPresent()) {
                return result.get();
            }
        }
        return exchange.closed();
    }
}
