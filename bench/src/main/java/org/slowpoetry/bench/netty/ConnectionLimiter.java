package org.slowpoetry.bench.netty;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicInteger;
import org.slowpoetry.servers.ServerEvents;

/**
 * {@code --max-connections}: closes a new connection at once when the limit is reached, and
 * reports it as {@link ServerEvents#refused}. With a limit of 0 it only passes events on.
 *
 * <p><b>Threading:</b> shared by every child channel, so it runs on all worker event loops at once;
 * its only state is an atomic counter.
 */
@Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
    private final int max;
    private final ServerEvents events;
    /** Connections being served. Incremented and decremented by the worker loops. */
    private final AtomicInteger open = new AtomicInteger();

    ConnectionLimiter(int max, ServerEvents events) {
        this.max = max;
        this.events = events;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (max > 0 && open.incrementAndGet() > max) {
            open.decrementAndGet();
            ctx.pipeline().remove(this); // so channelInactive does not count it again
            events.refused(ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (max > 0) {
            open.decrementAndGet();
        }
        ctx.fireChannelInactive();
    }
}
