package org.slowpoetry.clients.simulate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.slowpoetry.cli.UserException;

/**
 * The chains shipped with {@code slowpoetry simulate --example NAME}: the exercises of Parts 9 and
 * 10, as files in {@code clients/src/main/resources/simulate/NAME.txt} (readable with
 * {@code --file} too). Each file's first line, a comment, says what it shows.
 *
 * <p><b>Threading:</b> stateless; thread-safe.
 */
final class SimulateExamples {

    /** Every example, in the order listed. */
    static final List<String> NAMES = List.of(
            "part9-addcallbacks",
            "part9-addcallback-adderrback",
            "part10-client50-ok",
            "part10-client50-gibberish",
            "part10-client50-bug",
            "part10-client51-ok",
            "part10-client51-gibberish",
            "part10-client51-cannot");

    private SimulateExamples() {
    }

    /**
     * The lines of example {@code name}.
     *
     * @throws UserException naming the examples there are, if there is no such example
     */
    static List<String> lines(String name) {
        if (!NAMES.contains(name)) {
            throw new UserException("unknown example '" + name + "'; the examples are: " + String.join(", ", NAMES));
        }
        String resource = "/simulate/" + name + ".txt";
        try (InputStream in = SimulateExamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("example " + name + " is missing from the class path: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** What example {@code name} shows: its first line, without the comment sign. */
    static String description(String name) {
        String first = lines(name).getFirst();
        return first.startsWith("#") ? first.substring(1).strip() : "";
    }

    /** One line per example: its name and what it shows. */
    static List<String> listing() {
        int width = NAMES.stream().mapToInt(String::length).max().orElse(0);
        return NAMES.stream()
                .map(name -> String.format("  %-" + width + "s  %s", name, description(name)))
                .collect(Collectors.toList());
    }
}
