package org.slowpoetry.bench.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.SocketAddress;
import org.slowpoetry.servers.ServerEvents;

/**
 * The fast server (Part 11): on connect, write the whole poem and close once it is written.
 *
 * <p><b>Threading:</b> one instance shared by every connection ({@link Sharable}); it holds no
 * per-connection state, and each call runs on the connection's event loop.
 */
@Sharable
final class FastPoemHandler extends ChannelInboundHandlerAdapter {
    /** An unreleasable, read-only view of the poem; each write gets its own duplicate (no copy). */
    private final ByteBuf poem;
    private final ServerEvents events;

    FastPoemHandler(ByteBuf poem, ServerEvents events) {
        this.poem = poem;
        this.events = events;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        SocketAddress peer = ctx.channel().remoteAddress();
        events.connected(peer);
        ctx.writeAndFlush(poem.duplicate()).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                events.finished(peer);
            } else {
                events.dropped(peer, f.cause());
            }
        }).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // the client reset the connection; the write listener reports it
    }
}
