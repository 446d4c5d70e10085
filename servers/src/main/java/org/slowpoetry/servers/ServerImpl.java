package org.slowpoetry.servers;

import java.io.IOException;
import java.util.Set;

/**
 * One implementation style of the poetry servers ({@code blocking}, {@code loom}, {@code reactor}),
 * chosen with {@code serve slow|fast --impl NAME}. Impls are plugins: each module lists them in
 * {@code META-INF/services/org.slowpoetry.servers.ServerImpl} and {@link ServerImpls} finds them,
 * as Twisted finds its plugins (Part 16).
 *
 * <p><b>Threading:</b> {@link #start} may be called from any thread, any number of times; each call
 * makes an independent server.
 */
public interface ServerImpl {

    /** The {@code --impl} name. */
    String name();

    /** One line for {@code --help}. */
    String description();

    /** The kinds this impl can serve. */
    Set<ServerKind> kinds();

    /**
     * Binds and starts serving; returns once the server is listening, after reporting
     * {@link ServerEvents#listening} (with the bound port) to {@code config.events()}. If binding
     * fails, nothing is left open and no thread is left running.
     *
     * @throws IOException if the address cannot be bound (in use, bad interface)
     * @throws IllegalArgumentException if {@code config.kind()} is not one of {@link #kinds()}
     */
    PoetryServer start(ServerConfig config) throws IOException;

    /**
     * The check every {@link #start} begins with.
     *
     * @throws IllegalArgumentException if {@code config.kind()} is not one of {@link #kinds()}
     */
    default void checkServes(ServerConfig config) {
        if (!kinds().contains(config.kind())) {
            throw new IllegalArgumentException("the " + name() + " impl cannot serve " + config.kind().command());
        }
    }
}
