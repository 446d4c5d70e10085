package org.slowpoetry.servers.service;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.servers.ServerEvents;

/**
 * What a poetry server run as a service reports: log lines instead of the {@code serve} command's
 * printed ones. Per connection, Part 16's {@code sending N bytes of poetry to PEER} (info), whole
 * poem's size even when it goes out slowly; a client lost or a connection that crashed at debug
 * and error.
 *
 * <p><b>Threading:</b> thread-safe: immutable, and slf4j loggers are.
 */
final class PoetryLog implements ServerEvents {

    private static final Logger LOG = LoggerFactory.getLogger(PoetryLog.class);

    private final PoetryService poetry;

    PoetryLog(PoetryService poetry) {
        this.poetry = poetry;
    }

    @Override
    public void connected(SocketAddress peer) {
        LOG.info("sending {} bytes of poetry to {}", poetry.poem().size(), format(peer));
    }

    @Override
    public void dropped(SocketAddress peer, Throwable reason) {
        LOG.debug("lost {} before the poem was done: {}", format(peer), reason.toString());
    }

    @Override
    public void crashed(SocketAddress peer, Throwable reason) {
        LOG.error("serving {} failed unexpectedly", format(peer), reason);
    }

    private static String format(SocketAddress peer) {
        return peer instanceof InetSocketAddress inet && inet.getAddress() != null
                ? Address.of(inet).toString() : String.valueOf(peer);
    }
}
