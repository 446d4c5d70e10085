package org.slowpoetry.servers.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.slowpoetry.servers.LoomClients.assertRefused;
import static org.slowpoetry.servers.LoomClients.fetch;

import java.net.InetSocketAddress;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.service.LoomMultiService;
import org.slowpoetry.service.ServiceException;
import org.slowpoetry.service.ServiceState;
import org.slowpoetry.testing.CapturedLog;
import org.slowpoetry.trial.LoomTest;
import org.slowpoetry.trial.LoomTestScope;

/**
 * The Loom twin of {@link PoetryTcpTest}: the same tree built of Loom services, with a virtual
 * thread per client ({@code loom}) or the Erlang-style process tree ({@code erlang}), fast and
 * slow. The tree's stop is a cleanup of the test's {@link LoomTestScope}; the clients are forks of
 * it ({@link org.slowpoetry.servers.LoomClients}); the checks after each test prove no fork,
 * socket or thread of the server left.
 */
@LoomTest(timeout = 20)
@Timeout(30)
class PoetryTcpLoomTest extends PoetryTcpCase {

    static Stream<Arguments> implsAndPaces() {
        return Stream.of("loom", "erlang").flatMap(impl -> PoetryTcpCase.paces().map(pace -> Arguments.of(impl, pace)));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("implsAndPaces")
    void thePoemArrivesByteForByte(String impl, PoetryTcp pace, LoomTestScope scope) throws Exception {
        InetSocketAddress address = ServiceTrees.address(start(scope, impl, pace), "tcp");
        assertArrayEquals(poem.bytes(), fetch(scope, address));
        assertArrayEquals(poem.bytes(), fetch(scope, address));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("implsAndPaces")
    void stopClosesThePort(String impl, PoetryTcp pace, LoomTestScope scope) throws Exception {
        LoomMultiService top = start(scope, impl, pace);
        InetSocketAddress address = ServiceTrees.address(top, "tcp");
        top.stop();
        assertEquals(ServiceState.STOPPED, top.state());
        assertRefused(scope, address);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("implsAndPaces")
    void theLoadTheListeningAndEachConnectionAreLogged(String impl, PoetryTcp pace, LoomTestScope scope)
            throws Exception {
        long mark = CapturedLog.mark();
        LoomMultiService top = start(scope, impl, pace);
        InetSocketAddress address = ServiceTrees.address(top, "tcp");
        fetch(scope, address);
        top.stop();
        assertLogged(CapturedLog.since(mark), address.getPort());
    }

    /** The text's tree of Loom services, started; its stop is the test's cleanup. */
    private LoomMultiService start(LoomTestScope scope, String impl, PoetryTcp pace) throws ServiceException {
        var top = new LoomMultiService("fastpoetry");
        top.add(poetry.loom("poetry"));
        top.add(switch (impl) {
            case "loom" -> pace.loom("tcp", "127.0.0.1", 0, poetry);
            case "erlang" -> pace.erlang("tcp", "127.0.0.1", 0, poetry);
            default -> throw new IllegalArgumentException(impl);
        });
        return ServiceTrees.start(scope, top);
    }

}
