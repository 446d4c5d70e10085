import java.time.Duration;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.servers.proxy.ProxyConfig;
import org.slowpoetry.servers.proxy.ProxyEvents;
import org.slowpoetry.servers.service.ProxyServices;
import org.slowpoetry.service.Application;
import org.slowpoetry.service.ServiceContext;

/**
 * Exercise 16.2: an application file for a poetry proxy, the Loom way: a caching proxy on port
 * 10002 in front of the poetry server on port 10000 (start one first, say
 * {@code slowpoetry run --app servers/examples/FastPoetry.java}), for
 * {@code slowpoetry run --app servers/examples/PoetryProxy.java}.
 *
 * <p>The tree {@code ProxyServices.loom} builds: the cache first (it holds the poem once fetched),
 * then the port, whose connections are virtual threads in a scope the service owns. Stopping closes
 * the port, ends every connection, then drops the cache. For the reactor's proxy 3.0 instead, build
 * {@code ProxyServices.reactor("proxy", context.reactor(), config)}.
 */
class PoetryProxy {
    static final Address UPSTREAM = Address.parse("localhost:10000");
    static final String IFACE = "localhost";
    static final int PORT = 10002;

    public static Application application(ServiceContext context) {
        var config = ProxyConfig.of(UPSTREAM)
                .withListen(IFACE, PORT)
                .withCacheTtl(Duration.ofMinutes(10))
                .withClock(context.clock())
                .withEvents(ProxyEvents.logging());
        return Application.of("poetry-proxy", ProxyServices.loom("proxy", config));
    }
}
