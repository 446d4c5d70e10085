package org.slowpoetry.servers.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.slowpoetry.servers.service.ServiceTrees.address;
import static org.slowpoetry.servers.service.ServiceTrees.start;
import static org.slowpoetry.trial.TrialAssertions.assertFailure;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.InlineCallbacks;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.fetch.TransformClient;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.servers.transform.TransformProxy;
import org.slowpoetry.servers.transform.TransformProxyConfig;
import org.slowpoetry.servers.transform.TransformServerConfig;
import org.slowpoetry.service.ReactorMultiService;
import org.slowpoetry.service.ServiceException;
import org.slowpoetry.service.ServiceState;
import org.slowpoetry.transform.TransformService;
import org.slowpoetry.trial.AccumulatingClient;
import org.slowpoetry.trial.ReactorTest;
import org.slowpoetry.trial.Trial;

/**
 * Part 12's transformation server and Part 14's transformation proxy as reactor services, over
 * real loopback ports, as trial tests them (exercise 15.3): the services start on the test's
 * reactor, their stops are cleanups the extension waits for, and the clients are on the same
 * reactor: Part 14's {@link TransformClient#xform} for netstrings, an {@link AccumulatingClient}
 * for the one-line port. The Loom services are tested by {@link TransformServicesLoomTest}.
 */
@ReactorTest(timeout = 20)
class TransformServicesTest {

    private static final FetchSettings SETTINGS = FetchSettings.defaults().withTimeout(Duration.ofSeconds(10));

    private final TransformServerConfig config = TransformServerConfig.of(TransformService.standard()).withLinePort(0);

    @Test
    void bothPortsAnswerInFrontOfTheOneService(Reactor reactor, Trial trial) throws ServiceException {
        ReactorMultiService transform = start(trial, TransformServices.reactor("transform", reactor, config));
        Address netstrings = Address.of(address(transform, "transform-netstring"));
        InetSocketAddress lines = address(transform, "transform-line");
        trial.waitFor(InlineCallbacks.run(reactor, ic -> {
            assertEquals("ÜNDER A POEM", ic.await(TransformClient.xform(reactor, netstrings, "upper", "ünder a poem",
                    SETTINGS)));
            byte[] line = ic.await(AccumulatingClient.exchange(reactor, lines, "upper ünder a poem\n".getBytes(UTF_8)));
            assertEquals("ÜNDER A POEM\n", new String(line, UTF_8));
            return null;
        }));
    }

    @Test
    void theTransformationProxyIsTheSameServerInFrontOfAForwarder(Reactor reactor, Trial trial)
            throws ServiceException {
        ReactorMultiService upstream = start(trial, TransformServices.reactor("upstream", reactor, config));
        var proxyConfig = TransformProxyConfig.of(Address.of(address(upstream, "upstream-netstring")));
        ReactorMultiService proxy = start(trial, TransformServices.reactor("transform-proxy", reactor,
                TransformProxy.onReactor(reactor, proxyConfig)));
        Address front = Address.of(address(proxy, "transform-proxy-netstring"));
        trial.waitFor(TransformClient.xform(reactor, front, "upper", "via the proxy", SETTINGS).thenApply(reply -> {
            assertEquals("VIA THE PROXY", reply);
            return null;
        }));
    }

    @Test
    void stopClosesBothPorts(Reactor reactor, Trial trial) throws ServiceException {
        ReactorMultiService transform = start(trial, TransformServices.reactor("transform", reactor, config));
        List<InetSocketAddress> ports = List.of(address(transform, "transform-netstring"),
                address(transform, "transform-line"));
        trial.waitFor(transform.stop().thenCompose(stopped -> {
            assertEquals(ServiceState.STOPPED, transform.state());
            return Deferred.gatherResults(ports.stream()
                    .map(port -> assertFailure(AccumulatingClient.connect(reactor, port), ConnectException.class))
                    .toList(), false);
        }));
    }
}
