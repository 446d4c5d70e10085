package org.slowpoetry.servers.transform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slowpoetry.net.AcceptLoop;
import org.slowpoetry.transform.Transformer;

/**
 * {@code serve transform --impl loom}: an {@link AcceptLoop} per port, each owning a
 * {@link TransformConnections} scope that runs a virtual thread per connection
 * ({@link TransformConnection}, plain blocking code). Both ports share the config's one
 * {@link Transformer}.
 *
 * <p><b>Threading:</b> {@link #start} runs on the caller's thread; the public methods are
 * thread-safe, and {@link #close()} throws {@link WrongThreadException} on one of the server's own
 * threads (see {@link AcceptLoop#close()}).
 */
final class LoomTransformServer implements TransformServer {

    /** Connecting clients the kernel may queue before accept() (capped by net.core.somaxconn). */
    private static final int BACKLOG = 4096;

    private final Transformer service;
    private final AcceptLoop netstrings;
    private final Optional<AcceptLoop> lines;

    private LoomTransformServer(Transformer service, AcceptLoop netstrings, Optional<AcceptLoop> lines) {
        this.service = service;
        this.netstrings = netstrings;
        this.lines = lines;
    }

    static TransformServer start(TransformServerConfig config) throws IOException {
        AcceptLoop netstrings = listen(config, config.port(), Wire.NETSTRING);
        try {
            Optional<AcceptLoop> lines = Optional.empty();
            if (config.linePort().isPresent()) {
                lines = Optional.of(listen(config, config.linePort().getAsInt(), Wire.LINE));
            }
            return new LoomTransformServer(config.service(), netstrings, lines);
        } catch (IOException | RuntimeException e) {
            netstrings.close();
            throw e;
        }
    }

    private static AcceptLoop listen(TransformServerConfig config, int port, Wire wire) throws IOException {
        var listen = new AcceptLoop.Listen(config.iface(), port, config.clock(), false,
                wire + " transform server", config.writeTimeout(), address -> { });
        return AcceptLoop.start(listen, new AcceptLoop.Setup("loom-" + wire, BACKLOG, true),
                loop -> new TransformConnections(loop, new TransformConnection(config, wire)));
    }

    @Override
    public InetSocketAddress address() {
        return netstrings.address();
    }

    @Override
    public Optional<InetSocketAddress> lineAddress() {
        return lines.map(AcceptLoop::address);
    }

    @Override
    public Transformer service() {
        return service;
    }

    @Override
    public void awaitTermination() throws InterruptedException {
        netstrings.awaitTermination();
        if (lines.isPresent()) {
            lines.get().awaitTermination();
        }
    }

    @Override
    public Optional<Throwable> failure() {
        return netstrings.failure().or(() -> lines.flatMap(AcceptLoop::failure));
    }

    /** Closes both ports' loops, each ending its connections. Idempotent. */
    @Override
    public void close() {
        List<AcceptLoop> all = new ArrayList<>(2);
        all.add(netstrings);
        lines.ifPresent(all::add);
        all.forEach(AcceptLoop::close);
    }

    @Override
    public String toString() {
        return "loom transform server: " + netstrings + lines.map(l -> "; " + l).orElse("");
    }
}
