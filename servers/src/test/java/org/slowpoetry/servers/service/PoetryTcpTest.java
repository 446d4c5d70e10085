package org.slowpoetry.servers.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.slowpoetry.trial.TrialAssertions.assertFailure;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.defer.InlineCallbacks;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.fetch.PoetryClient;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.service.ReactorMultiService;
import org.slowpoetry.service.ServiceException;
import org.slowpoetry.service.ServiceState;
import org.slowpoetry.testing.CapturedLog;
import org.slowpoetry.trial.AccumulatingClient;
import org.slowpoetry.trial.ReactorTest;
import org.slowpoetry.trial.Trial;

/**
 * Poetry served by a reactor service tree over real loopback ports, the way an application file
 * builds it: a poetry service, then a TCP service reading its poem; fast and slow. Exercise 15.3
 * as trial runs it: the tree starts on the test's reactor and its stop is a cleanup the extension
 * waits for; the client is {@link PoetryClient#getPoetry} on the same reactor; the dirty-reactor
 * check after each test proves the port, the connections and the slow server's timers gone. The
 * Loom and Erlang-style trees are tested by {@link PoetryTcpLoomTest}.
 */
@ReactorTest(timeout = 20)
class PoetryTcpTest extends PoetryTcpCase {

    private static final FetchSettings SETTINGS = FetchSettings.defaults().withTimeout(Duration.ofSeconds(10));

    @ParameterizedTest(name = "{0}")
    @MethodSource("paces")
    void thePoemArrivesByteForByte(PoetryTcp pace, Reactor reactor, Trial trial) throws ServiceException {
        Address address = Address.of(ServiceTrees.address(start(trial, pace), "tcp"));
        trial.waitFor(InlineCallbacks.run(reactor, ic -> {
            assertArrayEquals(poem.bytes(), ic.await(PoetryClient.getPoetry(reactor, address, SETTINGS)));
            assertArrayEquals(poem.bytes(), ic.await(PoetryClient.getPoetry(reactor, address, SETTINGS)));
            return null;
        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paces")
    void stopClosesThePort(PoetryTcp pace, Reactor reactor, Trial trial) throws ServiceException {
        ReactorMultiService top = start(trial, pace);
        InetSocketAddress address = ServiceTrees.address(top, "tcp");
        trial.waitFor(top.stop().thenCompose(stopped -> {
            assertEquals(ServiceState.STOPPED, top.state());
            return assertFailure(AccumulatingClient.connect(reactor, address), ConnectException.class);
        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paces")
    void theLoadTheListeningAndEachConnectionAreLogged(PoetryTcp pace, Reactor reactor, Trial trial)
            throws ServiceException {
        long mark = CapturedLog.mark();
        ReactorMultiService top = start(trial, pace);
        int port = ServiceTrees.address(top, "tcp").getPort();
        trial.waitFor(InlineCallbacks.run(reactor, ic -> {
            ic.await(PoetryClient.getPoetry(reactor, new Address("127.0.0.1", port), SETTINGS));
            ic.await(top.stop());
            assertLogged(CapturedLog.since(mark), port);
            return null;
        }));
    }

    /** The text's tree on the test's reactor, started; its stop is the test's cleanup. */
    private ReactorMultiService start(Trial trial, PoetryTcp pace) throws ServiceException {
        var top = new ReactorMultiService("fastpoetry", trial.reactor());
        top.add(poetry.reactor("poetry", trial.reactor()));
        top.add(pace.reactor("tcp", trial.reactor(), "127.0.0.1", 0, poetry));
        return ServiceTrees.start(trial, top);
    }

}
