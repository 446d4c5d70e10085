import org.slowpoetry.protocol.Address;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.proxy.ProxyConfig;
import org.slowpoetry.servers.proxy.ProxyImpl;
import org.slowpoetry.service.Application;
import org.slowpoetry.service.Lifecycle;
import org.slowpoetry.service.LoomMultiService;
import org.slowpoetry.service.LoomService;
import org.slowpoetry.service.ServiceContext;

/**
 * Exercise 16.2: an application file for a poetry proxy, the Loom way: a caching proxy on port
 * 10002 in front of the poetry server on port 10000 (start one first, say
 * {@code slowpoetry run --app servers/examples/FastPoetry.java}). The proxy is the project's
 * {@code serve proxy --impl loom} server, wrapped as a Loom service: started with the
 * application, closed (every connection ended, every thread joined) when it stops.
 * {@code slowpoetry run --app servers/examples/PoetryProxy.java}
 */
class PoetryProxy {
    static final Address UPSTREAM = Address.parse("localhost:10000");
    static final int PORT = 10002;

    public static Application application(ServiceContext context) {
        var top = new LoomMultiService("poetry-proxy");
        top.add(LoomService.of("proxy-" + PORT, new ProxyServer(ProxyConfig.of(UPSTREAM).withListen("localhost", PORT))));
        return Application.of("poetry-proxy", top);
    }

    /** The proxy server, listening while the service runs. */
    static final class ProxyServer implements Lifecycle {
        private final ProxyConfig config;
        /** Written by start(), read by stop(). */
        private PoetryServer server;

        ProxyServer(ProxyConfig config) {
            this.config = config;
        }

        @Override
        public void start() throws Exception {
            server = ProxyImpl.LOOM.start(config);
        }

        @Override
        public void stop() {
            server.close();
        }
    }
}
