package org.slowpoetry.servers.plugins;

import java.util.List;
import org.slowpoetry.servers.run.ServiceMaker;
import org.slowpoetry.service.LoomMultiService;
import org.slowpoetry.service.ReactorMultiService;
import org.slowpoetry.service.Service;
import picocli.CommandLine;

/**
 * Helpers for plugin tests: options parsed as the runner parses them, and trees described as text.
 *
 * <p><b>Threading:</b> stateless; the test's thread.
 */
final class Plugins {

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
