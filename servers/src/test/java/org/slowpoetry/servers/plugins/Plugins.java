package org.slowpoetry.servers.plugins;

import java.util.List;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.servers.run.ServiceMaker;
import org.slowpoetry.service.LoomMultiService;
import org.slowpoetry.service.ReactorMultiService;
import org.slowpoetry.service.Service;
import org.slowpoetry.service.ServiceContext;
import org.slowpoetry.time.MonotonicClock;
import picocli.CommandLine;

/**
 * Helpers for plugin tests: options parsed as the runner parses them, trees described as text, and
 * the context a Loom test builds its trees with (a reactor test builds them with its
 * {@link org.slowpoetry.trial.Trial}).
 *
 * <p><b>Threading:</b> stateless; the test's thread.
 */
final class Plugins {

    /**
     * The {@link ServiceContext} of a test that builds Loom trees only: the system clock, and no
     * reactor, which a Loom tree never asks for (if one does, the test fails saying so).
     */
    static final ServiceContext LOOM_ONLY = new ServiceContext() {
        @Override
        public Reactor reactor() {
            throw new AssertionError("a Loom tree asked for a reactor");
        }

        @Override
        public MonotonicClock clock() {
            return MonotonicClock.system();
        }
    };

    private Plugins() {
    }

    /** {@code maker}'s options with {@code args} parsed into them. */
    static <O> O parse(ServiceMaker<O> maker, String... args) {
        O options = maker.newOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    /**
     * {@code service} and its descendants, depth first, as {@code Kind name} lines indented by
     * depth: {@code LoomMultiService fastpoetry}, {@code   LoomTcpServer tcp}.
     */
    static List<String> describe(Service service) {
        return describe(service, "").toList();
    }

    private static java.util.stream.Stream<String> describe(Service service, String indent) {
        String kind = service.getClass().isAnonymousClass()
                ? service.getClass().getSuperclass().getSimpleName() : service.getClass().getSimpleName();
        List<? extends Service> children = switch (service) {
            case LoomMultiService m -> m.services();
            case ReactorMultiService m -> m.services();
            default -> List.of();
        };
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(indent + kind + " " + service.name()),
                children.stream().flatMap(child -> describe(child, indent + "  ")));
    }
}
