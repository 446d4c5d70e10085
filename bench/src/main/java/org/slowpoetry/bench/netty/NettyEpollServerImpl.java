package org.slowpoetry.bench.netty;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerImpl;
import org.slowpoetry.servers.ServerKind;

/**
 * {@code --impl netty-epoll}: the same Netty servers as {@link NettyNioServerImpl}, on Netty's
 * native epoll transport (Linux only). Where the native library cannot load, {@link #start} says
 * why.
 *
 * <p><b>Threading:</b> stateless; {@link #start} may be called from any thread, any number of times.
 */
public final class NettyEpollServerImpl implements ServerImpl {

    @Override
    public String name() {
        return NettyTransport.EPOLL.implName();
    }

    @Override
    public String description() {
        return "Netty 4.2 on native epoll (a peer to measure against; bench module)"
                + NettyTransport.EPOLL.unavailability().map(why -> "; unavailable here: " + why.getMessage())
                        .orElse("");
    }

    @Override
    public Set<ServerKind> kinds() {
        return EnumSet.allOf(ServerKind.class);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IOException if native epoll is not available on this machine, or the bind fails
     */
    @Override
    public PoetryServer start(ServerConfig config) throws IOException {
        return NettyPoetryServer.start(config, NettyTransport.EPOLL);
    }
}
