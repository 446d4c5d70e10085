import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.reactor.Protocol;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.service.Application;
import org.slowpoetry.service.Lifecycle;
import org.slowpoetry.service.ReactorMultiService;
import org.slowpoetry.service.ReactorService;
import org.slowpoetry.service.ReactorTcpServer;
import org.slowpoetry.service.ServiceContext;

/**
 * The text's fastpoetry application file (Part 16, twisted-server-3/fastpoetry.py), for
 * {@code slowpoetry run --app servers/examples/FastPoetry.java}: one poem on port 10000 of the
 * loopback interface. A poetry service loads the poem when it starts; a TCP service listens once
 * it starts, and its protocol sends the poem the poetry service holds. Both are children of one
 * multi-service, the application's top service. Nothing starts here: the runner starts it.
 *
 * <p>Like the text's, this file carries its own service and protocol to be self-contained; they
 * would normally live in a library.
 */
class FastPoetry {
    // configuration: what this deployment serves, and where
    static final int PORT = 10000;
    static final String IFACE = "localhost";
    static final Path POETRY_FILE = Path.of("poems/lamplighter.txt");

    private static final Logger LOG = LoggerFactory.getLogger(FastPoetry.class);

    public static Application application(ServiceContext context) {
        Reactor reactor = context.reactor();
        var top = new ReactorMultiService("fastpoetry", reactor);
        // the poetry service holds the poem; it loads it when started
        var poetry = new PoetryService(POETRY_FILE);
        top.add(ReactorService.of("poetry", reactor, poetry));
        // the TCP service listens when started; each connection is sent the poem
        top.add(new ReactorTcpServer("tcp-" + PORT, reactor, IFACE, PORT, peer -> new PoetryProtocol(poetry)));
        return Application.of("fastpoetry", top);
    }

    /** Holds the poem, loaded when the service starts. */
    static final class PoetryService implements Lifecycle {
        private final Path file;
        /** Written by start(), read by the protocols once started. */
        private volatile byte[] poem;

        PoetryService(Path file) {
            this.file = file;
        }

        @Override
        public void start() throws IOException {
            poem = Files.readAllBytes(file);
            LOG.info("loaded a poem from: {}", file);
        }

        byte[] poem() {
            return poem;
        }
    }

    /** Sends the poem and closes the connection. */
    static final class PoetryProtocol extends Protocol {
        private final PoetryService service;

        PoetryProtocol(PoetryService service) {
            this.service = service;
        }

        @Override
        protected void connectionMade() {
            byte[] poem = service.poem();
            LOG.info("sending {} bytes of poetry to {}", poem.length, transport().getPeer());
            transport().write(poem);
            transport().loseConnection();
        }
    }
}
