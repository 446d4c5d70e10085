package org.slowpoetry.servers.transform;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.transform.TransformService;
import org.slowpoetry.transform.Transformer;

/**
 * A running transformation server (Part 12), as {@link TransformImpl#start} returns it: Part 12's
 * netstring protocol on {@link #address()}, and our one-line protocol on {@link #lineAddress()}
 * if it was asked for, both in front of one {@link TransformService}. Like every
 * {@link PoetryServer} it is listening when returned, and {@link #close()} ends every connection
 * and thread it has.
 *
 * {@snippet :
 * try (TransformServer server = TransformImpl.REACTOR.start(TransformServerConfig.of(service))) {
 *     // send "11:upper.hello," to server.address(); read "5:HELLO,"
 * }
 * }
 *
 * <p><b>Threading:</b> as {@link PoetryServer}: every method is thread-safe; {@code close()} may not
 * be called on one of the server's own threads.
 */
public interface TransformServer extends PoetryServer {

    /** Where the one-line protocol is served, if it is. */
    Optional<InetSocketAddress> lineAddress();

    /** The service behind both ports: a {@link TransformService}, or a proxy's forwarder. */
    Transformer service();
}
