package org.slowpoetry.clients.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerEvents;
import org.slowpoetry.servers.ServerImpl;
import org.slowpoetry.servers.ServerImpls;
import org.slowpoetry.servers.ServerKind;

/**
 * The demo's slow servers, running in this process on random loopback ports: the
 * {@code blocking} server impl of Part 2, silent. Closing this closes every one of them.
 *
 * {@snippet :
 * try (DemoServers servers = DemoServers.start(plan)) {
 *     style.fetch(servers.addresses(), run);
 * } // every server closed, every server thread ended
 * }
 *
 * <p><b>Threading:</b> {@link #start} and {@link #close} from one thread (the demo's); the servers
 * run on their own threads, which close() waits for.
 */
final class DemoServers implements AutoCloseable {
    static final String IMPL = "blocking";

    private final List<PoetryServer> servers;

    private DemoServers(List<PoetryServer> servers) {
        this.servers = List.copyOf(servers);
    }

    /**
     * Starts one server per entry of {@code plan}; if one cannot start, closes those already
     * started and throws.
     */
    static DemoServers start(DemoPlan plan) {
        ServerImpl impl = ServerImpls.find(IMPL, ServerKind.SLOW);
        List<PoetryServer> started = new ArrayList<>();
        try {
            for (DemoPlan.Server server : plan.servers()) {
                ServerConfig config = ServerConfig.slow(server.poem())
                        .withPacing(server.numBytes(), plan.delay())
                        .withEvents(ServerEvents.silent());
                started.add(impl.start(config));
            }
            return new DemoServers(started);
        } catch (IOException | RuntimeException e) {
            try {
                closeAll(started);
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot start the demo's servers", io);
            }
            throw (RuntimeException) e;
        }
    }

    /** Where the servers listen, in the plan's order. */
    List<Address> addresses() {
        return servers.stream()
                .map(s -> new Address(s.address().getAddress().getHostAddress(), s.port()))
                .toList();
    }

    /** Closes every server, even if closing one of them throws (that is rethrown at the end). */
    @Override
    public void close() {
        closeAll(servers);
    }

    private static void closeAll(List<PoetryServer> servers) {
        RuntimeException failure = null;
        for (PoetryServer server : servers) {
            try {
                server.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
