package org.slowpoetry.bench.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slowpoetry.servers.ServerEvents;

/**
 * The slow server (Part 2) for one connection: send {@code numBytes}, then schedule the next send
 * {@code delay} later on the channel's event loop, until the poem is done; then close.
 *
 * <p><b>Threading:</b> one instance per connection; every method runs on that connection's event
 * loop (Netty calls handlers there, and {@code schedule} runs the next send there too), so its
 * fields need no synchronization.
 */
final class SlowPoemHandler extends ChannelInboundHandlerAdapter {
    private final ByteBuf poem;
    private final int numBytes;
    private final long delayNanos;
    private final ServerEvents events;

    /** Event-loop-only state. Offset of the next byte to send. */
    private int next;
    /** The pending send, or null; cancelled if the client goes away first. */
    private ScheduledFuture<?> pending;
    private SocketAddress peer;

    SlowPoemHandler(ByteBuf poem, int numBytes, Duration delay, ServerEvents events) {
        this.poem = poem;
        this.numBytes = numBytes;
        this.delayNanos = delay.toNanos();
        this.events = events;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        peer = ctx.channel().remoteAddress();
        events.connected(peer);
        send(ctx);
    }

    private void send(ChannelHandlerContext ctx) {
        assert ctx.executor().inEventLoop();
        pending = null;
        if (!ctx.channel().isActive()) {
            return; // channelInactive has reported it
        }
        int n = Math.min(numBytes, poem.readableBytes() - next);
        var written = ctx.writeAndFlush(poem.slice(next, n));
        next += n;
        events.sent(peer, n);
        if (next < poem.readableBytes()) {
            pending = ctx.executor().schedule(() -> send(ctx), delayNanos, TimeUnit.NANOSECONDS);
        } else {
            written.addListener((ChannelFutureListener) f -> {
                if (f.isSuccess()) {
                    events.finished(peer);
                }
            }).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (next < poem.readableBytes() || pending != null) {
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
            events.dropped(peer, new IOException("connection closed after " + next + " of "
                    + poem.readableBytes() + " bytes"));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // the client reset the connection; channelInactive reports it
    }
}
