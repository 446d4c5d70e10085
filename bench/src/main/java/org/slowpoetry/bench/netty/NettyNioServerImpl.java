package org.slowpoetry.bench.netty;

import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerImpl;
import org.slowpoetry.servers.ServerKind;

/**
 * {@code --impl netty}: the slow and fast poetry servers written with Netty 4.2 over its NIO
 * transport, the way Netty's documentation builds a server. It is the peer we measure our own
 * styles against: what people use today on the JVM.
 *
 * <p><b>Threading:</b> stateless; {@link #start} may be called from any thread, any number of times.
 */
public final class NettyNioServerImpl implements ServerImpl {

    @Override
    public String name() {
        return NettyTransport.NIO.implName();
    }

    @Override
    public String description() {
        return "Netty 4.2 on NIO (a peer to measure against; bench module)";
    }

    @Override
    public Set<ServerKind> kinds() {
        return EnumSet.allOf(ServerKind.class);
    }

    @Override
    public PoetryServer start(ServerConfig config) throws IOException {
        return NettyPoetryServer.start(config, NettyTransport.NIO);
    }
}
