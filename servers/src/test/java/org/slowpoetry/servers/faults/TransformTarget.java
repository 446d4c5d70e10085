package org.slowpoetry.servers.faults;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.servers.transform.TransformImpl;
import org.slowpoetry.servers.transform.TransformProxy;
import org.slowpoetry.servers.transform.TransformProxyConfig;
import org.slowpoetry.servers.transform.TransformServer;
import org.slowpoetry.servers.transform.TransformServerConfig;
import org.slowpoetry.transform.TransformService;

/**
 * The servers that read a request, as the fault suite runs them: {@code serve transform} and
 * {@code serve transform-proxy}, each impl. A transform-proxy case runs with a transform server of
 * its own behind it.
 *
 * <p><b>Threading:</b> immutable constants.
 */
enum TransformTarget {
    TRANSFORM_REACTOR(TransformImpl.REACTOR, false),
    TRANSFORM_LOOM(TransformImpl.LOOM, false),
    TRANSFORM_PROXY_REACTOR(TransformImpl.REACTOR, true),
    TRANSFORM_PROXY_LOOM(TransformImpl.LOOM, true);

    private final TransformImpl impl;
    private final boolean proxy;

    TransformTarget(TransformImpl impl, boolean proxy) {
        this.impl = impl;
        this.proxy = proxy;
    }

    /**
     * A running server (and its upstream, for a proxy) whose connections may last
     * {@code requestTimeout}; closing it closes both.
     *
     * <p><b>Threading:</b> {@link #close()} from the test's thread.
     */
    record Running(TransformServer front, TransformServer upstream) implements AutoCloseable {
        InetSocketAddress address() {
            return front.address();
        }

        @Override
        public void close() {
            front.close();
            if (upstream != null) {
                upstream.close();
            }
        }
    }

    Running start(Duration requestTimeout) throws IOException {
        if (!proxy) {
            return new Running(impl.start(TransformServerConfig.of(TransformService.standard())
                    .withRequestTimeout(requestTimeout)), null);
        }
        TransformServer upstream = TransformImpl.REACTOR.start(TransformServerConfig.of(TransformService.standard()));
        try {
            var config = TransformProxyConfig.of(new Address("127.0.0.1", upstream.address().getPort()))
                    .withRequestTimeout(requestTimeout);
            return new Running(TransformProxy.start(impl, config), upstream);
        } catch (IOException | RuntimeException e) {
            upstream.close();
            throw e;
        }
    }

    /** {@code transform-reactor}, {@code transform-proxy-loom}: the label in case names. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
