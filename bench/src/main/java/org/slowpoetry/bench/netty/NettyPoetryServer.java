package org.slowpoetry.bench.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;

/**
 * A running Netty poetry server: a boss group of one event loop that accepts, a worker group
 * (Netty's default size, twice the cores) that serves the connections, and the poem held once in a
 * direct buffer that every connection writes a read-only view of.
 *
 * <p><b>Threading:</b> {@link #start} runs on the caller's thread and returns once bound. The
 * handlers run on the event loops. {@link #close()}, {@link #awaitTermination()} and
 * {@link #address()} may be called from any thread but an event loop of this server, where waiting
 * for the loops to end would wait for itself ({@link IllegalStateException}).
 */
final class NettyPoetryServer implements PoetryServer {

    /* Implementation overview
     *
     * This is the textbook Netty server (ServerBootstrap, two groups, a ChannelInitializer), so that
     * the benchmark compares our styles with Netty as people use it, not with a tuned variant:
     *   - fast: FastPoemHandler writes the poem in channelActive and closes when the write is done
     *     (writeAndFlush + ChannelFutureListener.CLOSE), as Part 11's Twisted server does with
     *     write() + loseConnection().
     *   - slow: SlowPoemHandler sends numBytes, then schedules the next send on the channel's own
     *     event loop (EventLoop.schedule), the counterpart of Twisted's callLater.
     * Netty's timers run on its own ticker, so config.clock() is not used: this peer is measured
     * in real time only.
     *
     * The poem's bytes live in one direct buffer, wrapped as unreleasable so that the views written
     * to each channel (duplicate/slice, no copy) can be released by Netty without freeing it; we
     * release the real buffer ourselves once both groups have terminated and nothing can write it.
     *
     * close(): close the listening channel, close every connection (a ChannelGroup tracks them, as
     * Netty's documentation suggests; a channel leaves the group by itself when it closes), then
     * shutdownGracefully on both groups with no quiet period, and wait for both to terminate.
     */

    /** How long close() lets the event loops finish what they are doing before they are stopped. */
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 5;

    private enum State {
        SERVING,
        CLOSED
    }

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel listener;
    /** Every open connection; Netty adds and removes them on the event loops, close() closes them. */
    private final ChannelGroup connections;
    private final InetSocketAddress address;
    /** The real poem buffer; released by the first close() after the groups terminated. */
    private final ByteBuf poem;
    /** SERVING until the first close() wins the CAS. Written by close(), read by everyone. */
    private final AtomicReference<State> state = new AtomicReference<>(State.SERVING);

    private NettyPoetryServer(EventLoopGroup boss, EventLoopGroup workers, Channel listener, ChannelGroup connections,
            ByteBuf poem) {
        this.boss = boss;
        this.workers = workers;
        this.listener = listener;
        this.connections = connections;
        this.address = (InetSocketAddress) listener.localAddress();
        this.poem = poem;
    }

    /**
     * Binds on {@code transport} and starts serving {@code config}'s poem.
     *
     * @throws IOException if the transport is unavailable here, or the bind fails; nothing is left
     *                     running then
     */
    static NettyPoetryServer start(ServerConfig config, NettyTransport transport) throws IOException {
        Optional<Throwable> unavailable = transport.unavailability();
        if (unavailable.isPresent()) {
            throw new IOException(transport.implName() + " is not available on this machine: "
                    + unavailable.get().getMessage(), unavailable.get());
        }
        Poem wire = config.wire();
        ByteBuf poem = Unpooled.directBuffer(wire.size()).writeBytes(wire.buffer());
        ByteBuf shared = Unpooled.unreleasableBuffer(poem.asReadOnly());
        var limiter = new ConnectionLimiter(config.maxConnections(), config.events());
        var fast = new FastPoemHandler(shared, config.events());
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, transport.ioHandlerFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(transport.ioHandlerFactory());
        ChannelGroup connections = new DefaultChannelGroup("poetry-connections", boss.next());
        var bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(transport.serverChannel())
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        connections.add(ch);
                        ch.pipeline().addLast(limiter);
                        ch.pipeline().addLast(switch (config.kind()) {
                            case FAST -> fast;
                            case SLOW -> new SlowPoemHandler(shared, config.numBytes(), config.delay(),
                                    config.events());
                        });
                    }
                });
        ChannelFuture bound = bootstrap.bind(config.iface(), config.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutdown(boss, workers);
            poem.release();
            Throwable cause = bound.cause();
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause.getMessage()), cause);
        }
        var server = new NettyPoetryServer(boss, workers, bound.channel(), connections, poem);
        config.events().listening(config.poem(), server.address);
        return server;
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        checkNotOnEventLoop("awaitTermination()");
        boss.terminationFuture().await();
        workers.terminationFuture().await();
    }

    @Override
    public void close() {
        checkNotOnEventLoop("close()");
        if (state.compareAndSet(State.SERVING, State.CLOSED)) {
            listener.close().awaitUninterruptibly();
            connections.close().awaitUninterruptibly();
            shutdown(boss, workers);
            poem.release();
        } else {
            boss.terminationFuture().awaitUninterruptibly();
            workers.terminationFuture().awaitUninterruptibly();
        }
    }

    @Override
    public String toString() {
        return "netty server on " + address + " (" + state.get() + ")";
    }

    /** Shuts both groups down without a quiet period and waits until their threads have ended. */
    private static void shutdown(EventLoopGroup boss, EventLoopGroup workers) {
        Future<?> b = boss.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Future<?> w = workers.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        b.awaitUninterruptibly();
        w.awaitUninterruptibly();
    }

    private void checkNotOnEventLoop(String method) {
        for (EventLoopGroup group : List.of(boss, workers)) {
            for (var loop : group) {
                if (loop.inEventLoop()) {
                    throw new IllegalStateException(method + " called on the server's own event loop would wait"
                            + " for itself");
                }
            }
        }
    }
}
