package org.slowpoetry.servers.proxy;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.proxy.loom.LoomProxy;
import org.slowpoetry.servers.proxy.reactor.ReactorProxy;

/**
 * How a poetry proxy is written ({@code serve proxy --impl}).
 *
 * <p><b>Threading:</b> immutable; {@link #start} may be called from any thread.
 */
public enum ProxyImpl {
    /** The text's proxies 1.0 to 3.0 on one reactor thread. */
    REACTOR("one event-loop thread with Deferreds: proxies 1.0 and 2.0 (Part 14) and 3.0 (Part 19)") {
        @Override
        public PoetryServer start(ProxyConfig config) throws IOException {
            return ReactorProxy.start(config);
        }
    },
    /** A virtual thread per client, cancel on disconnect by a sibling subtask. */
    LOOM("a virtual thread per client; a sibling subtask hears the client leave and cancels (3.0's twin)") {
        @Override
        public PoetryServer start(ProxyConfig config) throws IOException {
            if (config.version() != ProxyVersion.V3) {
                throw new IllegalArgumentException("the loom proxy is the twin of proxy 3.0 only");
            }
            return LoomProxy.start(config);
        }
    };

    private final String description;

    ProxyImpl(String description) {
        this.description = description;
    }

    /** The {@code --impl} name. */
    public String implName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** One line for {@code --help}. */
    public String description() {
        return description;
    }

    /**
     * Binds and starts proxying; returns once listening, after reporting
     * {@link ProxyEvents#listening}.
     *
     * @throws IOException              if the address cannot be bound; nothing is left open
     * @throws IllegalArgumentException if this impl has no such {@link ProxyConfig#version()}
     */
    public abstract PoetryServer start(ProxyConfig config) throws IOException;

    /**
     * The impl called {@code name}.
     *
     * @throws IllegalArgumentException naming the impls there are
     */
    public static ProxyImpl named(String name) {
        for (ProxyImpl impl : values()) {
            if (impl.implName().equals(name)) {
                return impl;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not one of "
                + Arrays.stream(values()).map(ProxyImpl::implName).collect(Collectors.joining(", ")));
    }
}
