package org.slowpoetry.servers.proxy.reactor;

import java.nio.ByteBuffer;
import java.time.Duration;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.reactor.ConnectionClosed;
import org.slowpoetry.reactor.Protocol;
import org.slowpoetry.servers.proxy.ProxyVersion;

/**
 * The text's {@code PoetryProxyProtocol}: on connecting, get the poem (a Deferred), write it when
 * it comes, and close the connection whether it came or not. Proxy 3.0 also keeps the Deferred and
 * cancels it if the client goes first (Part 19); cancelling one that has fired does nothing. A
 * client that takes none of the poem for the write timeout is aborted, which is going first too.
 *
 * {@snippet :
 * deferred = poems.getPoem();
 * deferred.addCallback(poem -> write(poem));
 * deferred.addBoth(r -> loseConnection());
 * // connectionLost: deferred.cancel()   (3.0 only)
 * }
 *
 * <p><b>Threading:</b> reactor thread only.
 */
final class ProxyProtocol extends Protocol {
    private final DeferredPoems poems;
    private final ProxyVersion version;
    /** How long the client may take none of the poem before it is aborted. */
    private final Duration writeTimeout;
    /** Proxy 3.0: the poem's Deferred until the connection is lost, then null. Reactor thread only. */
    private Deferred<?> pending;

    ProxyProtocol(DeferredPoems poems, ProxyVersion version, Duration writeTimeout) {
        this.poems = poems;
        this.version = version;
        this.writeTimeout = writeTimeout;
    }

    @Override
    protected void connectionMade() {
        transport().setWriteTimeout(writeTimeout); // a client that never reads is aborted then
        Deferred<?> d = switch (version) {
            case V1 -> Deferred.maybeDeferred(poems::getPoemOrDeferred);
            case V2, V3 -> poems.getPoem();
        };
        d.addCallback(poem -> {
            transport().write((ByteBuffer) poem);
            return null;
        });
        d.addBoth(ignored -> {
            transport().loseConnection(); // a failure ends here: the client gets a closed connection
            return null;
        });
        if (version.cancelsOnDisconnect()) {
            pending = d;
        }
    }

    @Override
    public void connectionLost(ConnectionClosed reason) {
        if (pending != null) {
            Deferred<?> d = pending;
            pending = null;
            d.cancel();
        }
    }
}
