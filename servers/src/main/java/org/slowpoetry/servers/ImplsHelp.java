package org.slowpoetry.servers;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.Column.Overflow;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Adds the server impls on the class path, with their descriptions, to the end of the
 * {@code serve}, {@code serve slow} and {@code serve fast} help:
 *
 * <pre>
 * Impls (--impl NAME):
 *   blocking  one platform thread serves one client at a time; ...
 *   Still to come: loom, reactor.
 * </pre>
 *
 * Impls are plugins, so the list cannot be written in an annotation; picocli runs this transformer
 * when it builds the command's model, and the section is rendered like the options table.
 *
 * <p><b>Threading:</b> stateless; picocli calls it on the main thread.
 */
final class ImplsHelp implements IModelTransformer {
    private static final String SECTION = "impls";

    @Override
    public CommandSpec transform(CommandSpec spec) {
        ServerKind kind = switch (spec.name()) {
            case "slow" -> ServerKind.SLOW;
            case "fast" -> ServerKind.FAST;
            default -> null; // `serve` itself: every impl
        };
        List<String> keys = new ArrayList<>(spec.usageMessage().sectionKeys());
        keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), SECTION);
        spec.usageMessage().sectionKeys(keys);
        spec.usageMessage().sectionMap().put(SECTION, help -> render(help, kind));
        return spec;
    }

    private static String render(Help help, ServerKind kind) {
        List<ServerImpl> impls = kind == null ? ServerImpls.all() : ServerImpls.serving(kind);
        int nameWidth = impls.stream().mapToInt(i -> i.name().length()).max().orElse(0) + 4;
        int width = help.commandSpec().usageMessage().width();
        TextTable table = TextTable.forColumns(help.colorScheme(),
                new Column(nameWidth, 2, Overflow.SPAN),
                new Column(Math.max(20, width - nameWidth), 0, Overflow.WRAP));
        for (ServerImpl impl : impls) {
            table.addRowValues(impl.name(), impl.description());
        }
        if (impls.isEmpty()) {
            table.addRowValues("(none)", "no impl on the class path serves this kind");
        }
        List<String> coming = ServerImpls.PLANNED.stream()
                .filter(p -> impls.stream().noneMatch(i -> i.name().equals(p)))
                .toList();
        String footnote = coming.isEmpty() ? "" : "  Still to come: " + String.join(", ", coming) + "."
                + System.lineSeparator();
        return System.lineSeparator() + "Impls (--impl NAME):" + System.lineSeparator() + table + footnote;
    }
}
