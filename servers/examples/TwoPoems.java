import java.nio.file.Path;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.servers.service.PoetryService;
import org.slowpoetry.servers.service.PoetryTcp;
import org.slowpoetry.service.Application;
import org.slowpoetry.service.ReactorMultiService;
import org.slowpoetry.service.ServiceContext;

/**
 * Exercise 16.1: two poems on two ports, each poem's services kept apart in a multi-service of its
 * own, for {@code slowpoetry run --nodaemon --app servers/examples/TwoPoems.java}. The tree:
 *
 * <pre>
 *   application "two-poems"
 *   └── two-poems                  (ReactorMultiService)
 *       ├── lamplighter            (ReactorMultiService: the poem on 10000)
 *       │   ├── lamplighter-poem   (the poetry service: loads the poem)
 *       │   └── lamplighter-tcp    (listens on 10000)
 *       └── letter                (ReactorMultiService: the poem on 10001)
 *           ├── letter-poem
 *           └── letter-tcp
 * </pre>
 *
 * Stopping goes the other way: the second poem's port, its poem, then the first's. This file uses
 * the library's services ({@code PoetryService}, {@code PoetryTcp}); {@code FastPoetry.java} shows
 * the same pieces written out, as the text's tac file does.
 */
class TwoPoems {
    static final String IFACE = "localhost";

    public static Application application(ServiceContext context) {
        Reactor reactor = context.reactor();
        var top = new ReactorMultiService("two-poems", reactor);
        top.add(onePoem(reactor, "lamplighter", Path.of("poems/lamplighter.txt"), 10000));
        top.add(onePoem(reactor, "letter", Path.of("poems/letter.txt"), 10001));
        return Application.of("two-poems", top);
    }

    /** One poem's services: the poem first (started first), then the port that serves it. */
    static ReactorMultiService onePoem(Reactor reactor, String name, Path poemFile, int port) {
        var services = new ReactorMultiService(name, reactor);
        var poetry = new PoetryService(poemFile);
        services.add(poetry.reactor(name + "-poem", reactor));
        services.add(PoetryTcp.fast().reactor(name + "-tcp", reactor, IFACE, port, poetry));
        return services;
    }
}
