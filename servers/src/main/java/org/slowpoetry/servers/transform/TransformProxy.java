package org.slowpoetry.servers.transform;

import java.io.IOException;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.reactor.SelectorKind;

/**
 * {@code serve transform-proxy}: the transformation proxy of Part 14's exercise 4, a transform
 * service that does no transforming itself. It is Part 12's transform server, unchanged, with a
 * forwarder as its service: each request, whatever its name, is sent to the upstream transform
 * server and its reply relayed. An upstream that closes without a reply (it has no such
 * transform), refuses, or stays silent past the upstream timeout leaves the client's connection
 * closed with no reply, after one log line saying why; the proxy goes on serving.
 *
 * {@snippet :
 * var config = TransformProxyConfig.of(upstreamAddress);
 * try (TransformServer proxy = TransformProxy.start(TransformImpl.LOOM, config)) {
 *     // send "11:upper.hello," to proxy.address(); the upstream answers "5:HELLO,", and so does the proxy
 * }
 * }
 *
 * <ul>
 * <li>{@link TransformImpl#REACTOR REACTOR}: the server's own reactor also runs the upstream
 *     requests, with the {@code Deferred} client ({@code ReactorUpstream}); the loop never
 *     waits.</li>
 * <li>{@link TransformImpl#LOOM LOOM}: each connection's virtual thread calls the upstream with the
 *     blocking client ({@code BlockingUpstream}), as straight-line code.</li>
 * </ul>
 *
 * <p>An upstream request is abandoned, its connection closed, when the client's connection ends
 * first: at the request timeout, or when the proxy closes. A client that hangs up sooner is not
 * noticed sooner: like Part 12's server, the proxy stops reading once the request is whole, so
 * that a client may half-close after sending it and still get its reply.
 *
 * <p><b>Threading:</b> {@link #start} may be called from any thread; the server it returns is a
 * {@link TransformServer}, with that interface's threading.
 */
public final class TransformProxy {

    private TransformProxy() {
    }

    /**
     * Binds the port and starts forwarding; returns once listening. If binding fails, nothing is
     * left open.
     *
     * @throws java.net.UnknownHostException if the interface does not resolve
     * @throws IOException if the address cannot be bound ({@link java.net.BindException} for a port
     *                     in use)
     */
    public static TransformServer start(TransformImpl impl, TransformProxyConfig config) throws IOException {
        return switch (impl) {
            case REACTOR -> {
                Reactor reactor = Reactor.open(SelectorKind.EPOLL, config.clock());
                yield ReactorTransformServer.start(onReactor(reactor, config), reactor); // owns the reactor now
            }
            case LOOM -> LoomTransformServer.start(blocking(config));
        };
    }

    /**
     * The transform server of a proxy whose upstream requests run on {@code reactor}, with the
     * {@code Deferred} client: for {@link TransformImpl#REACTOR}, or for
     * {@code TransformServices.reactor} on the same reactor.
     */
    public static TransformServerConfig onReactor(Reactor reactor, TransformProxyConfig config) {
        return config.server(new ReactorUpstream(reactor, config.upstream(), config.upstreamSettings()));
    }

    /**
     * The transform server of a proxy whose connection threads call the upstream with the blocking
     * client: for {@link TransformImpl#LOOM}, or for {@code TransformServices.loom}.
     */
    public static TransformServerConfig blocking(TransformProxyConfig config) {
        return config.server(new BlockingUpstream(config.upstream(), config.upstreamSettings()));
    }
}
