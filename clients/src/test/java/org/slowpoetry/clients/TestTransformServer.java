package org.slowpoetry.clients;

import org.slowpoetry.protocol.Address;
import org.slowpoetry.servers.transform.TransformImpl;
import org.slowpoetry.servers.transform.TransformServer;
import org.slowpoetry.servers.transform.TransformServerConfig;
import org.slowpoetry.transform.TransformService;

/**
 * The real transformation server of Part 12 (the servers module's loom impl, with the standard
 * transforms), started in-process on a random loopback port for client tests, with a count of the
 * requests it took.
 *
 * {@snippet :
 * @AutoClose
 * private final TestTransformServer xform = TestTransformServer.start();   // one per test
 * }
 *
 * <p><b>Threading:</b> the server's own threads serve; {@link #close()} ends them all.
 */
public final class TestTransformServer implements AutoCloseable {
    /** A transform the server does not know: it closes without a reply. */
    public static final String FAILING = "no-such-transform";

    private final TransformService service = TransformService.standard();
    private final TransformServer server;

    private TestTransformServer() {
        try {
            this.server = TransformImpl.LOOM.start(TransformServerConfig.of(service));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A server listening on a random loopback port. */
    public static TestTransformServer start() {
        return new TestTransformServer();
    }

    public Address address() {
        return new Address("127.0.0.1", server.address().getPort());
    }

    /** How many requests it has taken, answered or not. */
    public long requests() {
        return service.requests();
    }

    @Override
    public void close() {
        server.close();
    }
}
