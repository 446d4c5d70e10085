package org.slowpoetry.servers.proxy.loom;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.net.AcceptLoop;
import org.slowpoetry.net.ConnectionScope;
import org.slowpoetry.net.ConnectionStrategy;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.proxy.ProxyConfig;
import org.slowpoetry.servers.proxy.ProxyService;

/**
 * {@code serve proxy --impl loom}: the poetry proxy as plain blocking code on virtual threads. The
 * {@link AcceptLoop} accepts on a virtual thread that owns a {@link StructuredTaskScope}; each
 * client is forked into it and served by a {@link ProxyConnection} (cancel on disconnect, the twin
 * of proxy 3.0); the poem comes from the one {@link ProxyService}, fetched on a virtual thread of
 * its own ({@link VirtualThreadUpstream}).
 *
 * {@snippet :
 * try (PoetryServer proxy = LoomProxy.start(ProxyConfig.of(upstream))) {
 *     fetch(proxy.address());
 * }   // clients interrupted and ended, the download cancelled, every thread joined
 * }
 *
 * <p><b>Ownership.</b> Client threads belong to the scope, the scope to the accepting thread, the
 * download threads to the {@link VirtualThreadUpstream}, and all of it to the {@link AcceptLoop}:
 * when it closes, the accepting thread closes the scope (interrupting and waiting for every
 * client), then the cache, then the upstream (interrupting and waiting for a download still going).
 *
 * <p><b>Threads</b> are named {@code loom-proxy-server-PORT-acceptor}, {@code loom-proxy-server-PORT-client-N}
 * and {@code loom-proxy-upstream-N}.
 *
 * <p><b>Threading:</b> {@link #start} runs on the caller's thread. An instance is made, used and
 * closed on the accepting thread (see {@link ConnectionStrategy}).
 */
public final class LoomProxy implements ConnectionStrategy.Connections {

    private static final Logger LOG = LoggerFactory.getLogger(LoomProxy.class);

    /** Connecting clients the kernel may queue before accept() (capped by net.core.somaxconn). */
    static final int BACKLOG = 4096;

    private final AcceptLoop loop;
    private final ProxyConnection connection;
    private final ProxyService service;
    private final VirtualThreadUpstream upstream;
    private final ConnectionScope clients;

    /** Opens the scope: on the accepting thread, which thereby owns it. */
    private LoomProxy(AcceptLoop loop, ProxyService service, VirtualThreadUpstream upstream) {
        this.loop = loop;
        this.connection = new ProxyConnection(service);
        this.service = service;
        this.upstream = upstream;
        this.clients = ConnectionScope.open(loop, "client");
    }

    /**
     * Binds, reports {@code listening}, starts the accepting thread; returns once listening.
     *
     * @throws IOException if the address cannot be bound; nothing is left open
     */
    public static PoetryServer start(ProxyConfig config) throws IOException {
        var upstream = new VirtualThreadUpstream(config.upstream(), config.fetch(), "loom-proxy");
        var service = new ProxyService(upstream, config);
        return PoetryServer.of(AcceptLoop.start(config.listen(), new AcceptLoop.Setup("loom-proxy", BACKLOG, true),
                loop -> new LoomProxy(loop, service, upstream)));
    }

    @Override
    public void serve(Socket client) {
        clients.fork(client, () -> handle(client));
    }

    @Override
    public void awaitServed() throws InterruptedException {
        clients.join();
    }

    @Override
    public void close() {
        clients.close();
        service.close();
        upstream.close();
    }

    @Override
    public String toString() {
        return "loom proxy " + loop;
    }

    private void handle(Socket client) {
        try {
            connection.serve(client, loop.output(client));
        } catch (InterruptedException e) {
            // only AcceptLoop.close() interrupts a client thread: end quietly
        } catch (RuntimeException e) {
            LOG.error("{}: a client of {} failed unexpectedly", loop, client.getRemoteSocketAddress(), e);
        } finally {
            AcceptLoop.closeQuietly(client);
        }
    }
}
