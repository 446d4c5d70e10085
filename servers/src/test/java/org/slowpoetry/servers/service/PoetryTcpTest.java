package org.slowpoetry.servers.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slowpoetry.testing.TcpClients.assertRefused;
import static org.slowpoetry.testing.TcpClients.fetch;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.TestPoems;
import org.slowpoetry.service.LoomMultiService;
import org.slowpoetry.service.ReactorMultiService;
import org.slowpoetry.service.Service;
import org.slowpoetry.service.ServiceState;
import org.slowpoetry.testing.CapturedLog;
import org.slowpoetry.trial.LeakCheck;

/**
 * Poetry served by service trees over real loopback ports, the way an application file builds
 * them: a poetry service, then a TCP service reading its poem; in every style, fast and slow.
 */
@ExtendWith(LeakCheck.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PoetryTcpTest {

    @RegisterExtension
    final TestRunner runner = new TestRunner();

    private final Poem poem = TestPoems.shortPoem();

    @TempDir
    Path dir;

    private PoetryService poetry;

    /** A tree of the text's shape, and a way to its port once it runs. */
    private record Tree(Service top, Supplier<InetSocketAddress> address) {
    }

    @BeforeEach
    void writeThePoem() throws Exception {
        poetry = new PoetryService(Files.write(dir.resolve("short.txt"), poem.bytes()));
    }

    static Stream<Arguments> stylesAndPaces() {
        PoetryTcp fast = PoetryTcp.fast();
        PoetryTcp slow = PoetryTcp.slow(10, Duration.ofMillis(1));
        return Stream.of("reactor", "loom", "erlang")
                .flatMap(style -> Stream.of(Arguments.of(style, fast), Arguments.of(style, slow)));
    }

    private Tree tree(String style, PoetryTcp tcp) {
        return switch (style) {
            case "reactor" -> {
                var top = new ReactorMultiService("fastpoetry", runner.reactor());
                top.add(poetry.reactor("poetry", runner.reactor()));
                var port = top.add(tcp.reactor("tcp", runner.reactor(), "127.0.0.1", 0, poetry));
                yield new Tree(top, port::address);
            }
            case "loom", "erlang" -> {
                var top = new LoomMultiService("fastpoetry");
                top.add(poetry.loom("poetry"));
                var port = top.add(style.equals("loom") ? tcp.loom("tcp", "127.0.0.1", 0, poetry)
                        : tcp.erlang("tcp", "127.0.0.1", 0, poetry));
                yield new Tree(top, port::address);
            }
            default -> throw new IllegalArgumentException(style);
        };
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("stylesAndPaces")
    void thePoemArrivesByteForByte(String style, PoetryTcp tcp) throws Exception {
        Tree tree = tree(style, tcp);
        runner.start(tree.top());
        try {
            assertArrayEquals(poem.bytes(), fetch(tree.address().get()));
            assertArrayEquals(poem.bytes(), fetch(tree.address().get()));
        } finally {
            runner.stop(tree.top());
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("stylesAndPaces")
    void stopClosesThePort(String style, PoetryTcp tcp) throws Exception {
        Tree tree = tree(style, tcp);
        runner.start(tree.top());
        InetSocketAddress address = tree.address().get();
        runner.stop(tree.top());
        assertEquals(ServiceState.STOPPED, tree.top().state());
        assertRefused(address);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("stylesAndPaces")
    void theLoadTheListeningAndEachConnectionAreLogged(String style, PoetryTcp tcp) throws Exception {
        long mark = CapturedLog.mark();
        Tree tree = tree(style, tcp);
        runner.start(tree.top());
        int port = tree.address().get().getPort();
        fetch(tree.address().get());
        runner.stop(tree.top());
        List<String> lines = CapturedLog.since(mark);
        assertEquals(List.of("INFO loaded a poem from: " + poetry.file(), "INFO tcp listening on 127.0.0.1:" + port),
                lines.subList(0, 2));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("INFO sending " + poem.size() + " bytes of poetry to 127.0.0.1:")),
                lines.toString());
        assertEquals("INFO tcp stopped listening on 127.0.0.1:" + port, lines.getLast());
    }
}
