import java.nio.file.Path;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.servers.service.PoetryService;
import org.slowpoetry.servers.service.PoetryTcp;
import org.slowpoetry.service.Application;
import org.slowpoetry.service.ReactorMultiService;
import org.slowpoetry.service.ServiceContext;

/**
 * An application file for the runner's tests, in the shape of exercise 16.1: two poems on two
 * ports, each poem with its port in a multi-service of its own, on the library's services (as
 * {@code servers/examples/TwoPoems.java}, but on ports the system picks).
 * Paths are relative to the directory the runner runs in, as a .tac file's are.
 */
class TwoPoems {

    public static Application application(ServiceContext context) {
        Reactor reactor = context.reactor();
        var top = new ReactorMultiService("two-poems", reactor);
        top.add(poetry("a", reactor, Path.of("poem-a.txt")));
        top.add(poetry("b", reactor, Path.of("poem-b.txt")));
        return Application.of("two-poems", top);
    }

    /** A poem and the port that serves it: tcp-NAME. */
    static ReactorMultiService poetry(String name, Reactor reactor, Path file) {
        var poem = new PoetryService(file);
        var poetry = new ReactorMultiService("poetry-" + name, reactor);
        poetry.add(poem.reactor("poem-" + name, reactor));
        poetry.add(PoetryTcp.fast().reactor("tcp-" + name, reactor, "127.0.0.1", 0, poem));
        return poetry;
    }
}
