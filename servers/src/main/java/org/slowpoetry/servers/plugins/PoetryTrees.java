package org.slowpoetry.servers.plugins;

import java.util.List;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.servers.plugins.PoetryOptions.Served;
import org.slowpoetry.servers.service.PoetryService;
import org.slowpoetry.servers.service.PoetryTcp;
import org.slowpoetry.service.LoomMultiService;
import org.slowpoetry.service.ReactorMultiService;
import org.slowpoetry.service.Service;
import org.slowpoetry.service.ServiceContext;

/**
 * The tree a poetry plugin builds, as Part 16's {@code makeService} does: the poem's service, then
 * its port, in a multi-service named after the plugin. With a second poem (exercise 16.3) each
 * poem has a multi-service of its own, {@code poem-1} and {@code poem-2}, under the plugin's, and
 * the second's services are {@code poetry-2} and {@code tcp-2}.
 *
 * <p><b>Threading:</b> stateless; called on the runner's thread before anything starts.
 */
final class PoetryTrees {

    private PoetryTrees() {
    }

    /** The plugin's top service, of the kind {@code style} runs in. */
    static Service make(String name, Impl style, PoetryTcp tcp, ServiceContext context, String iface,
            List<Served> served) {
        return switch (style) {
            case REACTOR -> reactor(name, context.reactor(), tcp, iface, served);
            case LOOM, ERLANG -> loom(name, style, tcp, iface, served);
        };
    }

    private static ReactorMultiService reactor(String name, Reactor reactor, PoetryTcp tcp, String iface,
            List<Served> served) {
        var top = new ReactorMultiService(name, reactor);
        for (int i = 0; i < served.size(); i++) {
            ReactorMultiService parent = served.size() == 1 ? top : top.add(new ReactorMultiService(group(i), reactor));
            var poetry = new PoetryService(served.get(i).poem());
            parent.add(poetry.reactor("poetry" + suffix(i), reactor));
            parent.add(tcp.reactor("tcp" + suffix(i), reactor, iface, served.get(i).port(), poetry));
        }
        return top;
    }

    private static LoomMultiService loom(String name, Impl style, PoetryTcp tcp, String iface,
            List<Served> served) {
        var top = new LoomMultiService(name);
        for (int i = 0; i < served.size(); i++) {
            LoomMultiService parent = served.size() == 1 ? top : top.add(new LoomMultiService(group(i)));
            var poetry = new PoetryService(served.get(i).poem());
            parent.add(poetry.loom("poetry" + suffix(i)));
            String tcpName = "tcp" + suffix(i);
            int port = served.get(i).port();
            parent.add(style == Impl.ERLANG ? tcp.erlang(tcpName, iface, port, poetry)
                    : tcp.loom(tcpName, iface, port, poetry));
        }
        return top;
    }

    /** {@code poem-1}, {@code poem-2}: the multi-service of each poem when there are two. */
    private static String group(int index) {
        return "poem-" + (index + 1);
    }

    /** Nothing for the first poem (the text's names), {@code -2} for the second. */
    private static String suffix(int index) {
        return index == 0 ? "" : "-" + (index + 1);
    }
}
