package org.slowpoetry.bench.netty;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.Optional;

/**
 * The two Netty transports we measure: the portable NIO one (a JDK {@code Selector}, as our reactor
 * uses) and Netty's own native epoll binding (JNI, edge-triggered).
 *
 * <p><b>Threading:</b> immutable constants; every method may be called from any thread.
 */
enum NettyTransport {
    NIO("netty") {
        @Override
        IoHandlerFactory ioHandlerFactory() {
            return NioIoHandler.newFactory();
        }

        @Override
        Class<? extends ServerChannel> serverChannel() {
            return NioServerSocketChannel.class;
        }

        @Override
        Optional<Throwable> unavailability() {
            return Optional.empty();
        }
    },
    EPOLL("netty-epoll") {
        @Override
        IoHandlerFactory ioHandlerFactory() {
            return EpollIoHandler.newFactory();
        }

        @Override
        Class<? extends ServerChannel> serverChannel() {
            return EpollServerSocketChannel.class;
        }

        @Override
        Optional<Throwable> unavailability() {
            return Epoll.isAvailable() ? Optional.empty() : Optional.of(Epoll.unavailabilityCause());
        }
    };

    private final String implName;

    NettyTransport(String implName) {
        this.implName = implName;
    }

    /** The {@code --impl} name of the server on this transport. */
    String implName() {
        return implName;
    }

    /** Makes the I/O handler each event loop of a group runs (Netty 4.2's pluggable I/O). */
    abstract IoHandlerFactory ioHandlerFactory();

    /** The listening channel class that goes with {@link #ioHandlerFactory()}. */
    abstract Class<? extends ServerChannel> serverChannel();

    /** Why this transport cannot run here (no native library for this OS or CPU), if it cannot. */
    abstract Optional<Throwable> unavailability();
}
