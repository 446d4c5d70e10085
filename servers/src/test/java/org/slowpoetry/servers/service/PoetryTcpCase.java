package org.slowpoetry.servers.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.TestPoems;

/**
 * What the poetry-over-TCP tests of both styles ({@link PoetryTcpTest}, {@link PoetryTcpLoomTest})
 * share: the paces, the poem written to disk before each test with the poetry service that loads
 * it, and the lines a tree that served one client logs.
 *
 * <p><b>Threading:</b> JUnit's methods on the test's thread, or its reactor's under
 * {@code @ReactorTest}; the fields are written in {@code writeThePoem} and read by the test after.
 */
abstract class PoetryTcpCase {

    final Poem poem = TestPoems.shortPoem();

    @TempDir
    Path dir;

    /** The poem's service, which the test's tree starts first. */
    PoetryService poetry;

    @BeforeEach
    void writeThePoem() throws IOException {
        poetry = new PoetryService(Files.write(dir.resolve("short.txt"), poem.bytes()));
    }

    /** Part 11's fast server, and Part 2's slow one at a pace a test can wait for. */
    static Stream<PoetryTcp> paces() {
        return Stream.of(PoetryTcp.fast(), PoetryTcp.slow(10, Duration.ofMillis(1)));
    }

    /**
     * The log of a tree that loaded its poem, listened on {@code port}, served one client and
     * stopped: the load and the listening first, a line per connection, the stop last.
     */
    void assertLogged(List<String> lines, int port) {
        assertEquals(List.of("INFO loaded a poem from: " + poetry.file(), "INFO tcp listening on 127.0.0.1:" + port),
                lines.subList(0, 2));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("INFO sending " + poem.size() + " bytes of poetry to 127.0.0.1:")),
                lines.toString());
        assertEquals("INFO tcp stopped listening on 127.0.0.1:" + port, lines.getLast());
    }
}
