package org.slowpoetry.servers.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.slowpoetry.servers.LoomClients.fetch;
import static org.slowpoetry.servers.plugins.Plugins.parse;
import static org.slowpoetry.servers.service.ServiceTrees.address;
import static org.slowpoetry.servers.service.ServiceTrees.start;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slowpoetry.servers.TestPoems;
import org.slowpoetry.service.LoomMultiService;
import org.slowpoetry.trial.LoomTest;
import org.slowpoetry.trial.LoomTestScope;

/**
 * The Loom twin of {@link PoetryPluginsTest}'s serving test: trees that {@code --impl loom} and
 * {@code --impl erlang} build serve, under {@link LoomTest}: each tree's stop is a cleanup of the
 * test's scope, and the clients are forks of it ({@link org.slowpoetry.servers.LoomClients}).
 */
@LoomTest(timeout = 20)
@Timeout(30)
class PoetryPluginsLoomTest {

    private final FastPoetryMaker fast = new FastPoetryMaker();
    private final SlowPoetryMaker slow = new SlowPoetryMaker();

    @TempDir
    Path dir;

    @Test
    void aLoomTreeFromThePluginServesBothPoems(LoomTestScope scope) throws Exception {
        byte[] first = TestPoems.shortPoem().bytes();
        byte[] second = TestPoems.ofSize(300).bytes();
        var top = (LoomMultiService) fast.makeService(parse(fast, PoetryPluginsTest.poemArgs(dir, first, second, "loom")),
                Plugins.LOOM_ONLY);
        start(scope, top);
        assertArrayEquals(first, fetch(scope, address((LoomMultiService) top.service("poem-1").orElseThrow(), "tcp")));
        assertArrayEquals(second, fetch(scope, address((LoomMultiService) top.service("poem-2").orElseThrow(), "tcp-2")));
    }

    @Test
    void theSlowErlangTreeServes(LoomTestScope scope) throws Exception {
        byte[] poem = TestPoems.shortPoem().bytes();
        Path a = Files.write(dir.resolve("a.txt"), poem);
        var top = (LoomMultiService) slow.makeService(parse(slow, "--poem", a.toString(), "-p", "0", "--iface",
                "127.0.0.1", "--impl", "erlang", "--delay", "0.001"), Plugins.LOOM_ONLY);
        start(scope, top);
        assertArrayEquals(poem, fetch(scope, address(top, "tcp")));
    }
}
