import java.io.IOException;
import java.net.InetSocketAddress;
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
 * An application file for the runner's tests, in the shape of exercise 16.1: two poems on two
 * ports, each poem with its port in a multi-service of its own. Paths are relative to the
 * directory the runner runs in, as a .tac file's are.
 */
class TwoPoems {
    private static final Logger LOG = LoggerFactory.getLogger(TwoPoems.class);

    public static Application application(ServiceContext context) {
        Reactor reactor = context.reactor();
        var top = new ReactorMultiService("two-poems", reactor);
        top.add(poetry("a", reactor, Path.of("poem-a.txt")));
        top.add(poetry("b", reactor, Path.of("poem-b.txt")));
        return Application.of("two-poems", top);
    }

    /** A poem and the port that serves it. */
    static ReactorMultiService poetry(String name, Reactor reactor, Path file) {
        var poem = new PoemFile(file);
        var poetry = new ReactorMultiService("poetry-" + name, reactor);
        poetry.add(ReactorService.of("poem-" + name, reactor, poem));
        var tcp = poetry.add(new ReactorTcpServer("tcp-" + name, reactor, "127.0.0.1", 0,
                peer -> new SendPoem(poem.bytes)));
        // Says where tcp-NAME listens, once it does (the services after it start after it).
        poetry.add(ReactorService.of("announce-" + name, reactor, () -> {
            InetSocketAddress address = tcp.address();
            LOG.info("{} listening on {}:{}", tcp.name(), address.getAddress().getHostAddress(), address.getPort());
        }));
        return poetry;
    }

    /** Loads the poem when started. */
    static final class PoemFile implements Lifecycle {
        private final Path file;
        volatile byte[] bytes;

        PoemFile(Path file) {
            this.file = file;
        }

        @Override
        public void start() throws IOException {
            bytes = Files.readAllBytes(file);
            LOG.info("loaded a poem from: {}", file);
        }
    }

    /** Sends the poem and closes. */
    static final class SendPoem extends Protocol {
        private final byte[] poem;

        SendPoem(byte[] poem) {
            this.poem = poem;
        }

        @Override
        protected void connectionMade() {
            transport().write(poem);
            transport().loseConnection();
        }
    }
}
