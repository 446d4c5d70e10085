package org.slowpoetry.loom.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code core/loom-patterns.md} honest: every Loom form it prints is a snippet that
 * {@link LoomPatternsTest} compiles and runs, word for word, and every test it names exists.
 */
class LoomPatternsGuideTest {

    /** core/testing: the tests live here for the leak check; the guide is core's. */
    private static final Path MODULE = Path.of(System.getProperty("basedir", ""));
    private static final Path GUIDE = MODULE.resolve("../loom-patterns.md");
    private static final Path TESTS =
            MODULE.resolve("src/test/java/org/slowpoetry/loom/patterns/LoomPatternsTest.java");

    private static final Pattern REGION = Pattern.compile(
            "^[ \\t]*// guide:begin ([^\\n]+)\\n(.*?)^[ \\t]*// guide:end\\n", Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern TEST_METHOD = Pattern.compile("\\bvoid (\\w+)\\(");
    private static final Pattern JAVA_BLOCK = Pattern.compile("^```java\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern NAMED_TEST = Pattern.compile("LoomPatternsTest#(\\w+)");

    /** A snippet of the test source: its name, its text (dedented) and the test method that holds it. */
    private record Snippet(String name, String text, String method) {
    }

    private static String guide;
    private static Map<String, Snippet> snippets;

    @BeforeAll
    static void read() throws IOException {
        guide = Files.readString(GUIDE);
        String source = Files.readString(TESTS);
        snippets = new LinkedHashMap<>();
        Matcher region = REGION.matcher(source);
        while (region.find()) {
            Matcher method = TEST_METHOD.matcher(source.substring(0, region.start()));
            String enclosing = null;
            while (method.find()) {
                enclosing = method.group(1);
            }
            snippets.put(region.group(1), new Snippet(region.group(1), dedent(region.group(2)), enclosing));
        }
    }

    @Test
    void everySnippetOfTheTestIsPrintedInTheGuideWordForWord() {
        assertTrue(snippets.size() >= 20, "expected a snippet per row, found " + snippets.keySet());
        List<String> blocks = javaBlocks();
        List<String> missing = snippets.values().stream()
                .filter(s -> !blocks.contains(s.text()))
                .map(Snippet::name)
                .toList();
        assertEquals(List.of(), missing, "snippets of LoomPatternsTest that the guide does not print as they are");
    }

    @Test
    void everyJavaBlockOfTheGuideIsASnippetOfTheTest() {
        List<String> untested = javaBlocks().stream()
                .filter(block -> snippets.values().stream().noneMatch(s -> s.text().equals(block)))
                .map(block -> block.lines().findFirst().orElse(""))
                .toList();
        assertEquals(List.of(), untested, "Java in the guide that no test runs (first lines shown)");
    }

    @Test
    void theGuideNamesTheTestOfEverySnippetAndEveryTestItNamesExists() {
        List<String> named = new ArrayList<>();
        Matcher m = NAMED_TEST.matcher(guide);
        while (m.find()) {
            named.add(m.group(1));
        }
        List<String> methods = Arrays.stream(LoomPatternsTest.class.getDeclaredMethods())
                .map(java.lang.reflect.Method::getName).toList();
        for (String name : named) {
            if (!methods.contains(name)) {
                fail("the guide names LoomPatternsTest#" + name + ", which does not exist");
            }
        }
        List<String> unnamed = snippets.values().stream()
                .map(Snippet::method)
                .filter(method -> !named.contains(method))
                .toList();
        assertEquals(List.of(), unnamed, "tests holding a snippet that the guide does not name");
    }

    private static List<String> javaBlocks() {
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(guide);
        while (m.find()) {
            blocks.add(m.group(1).stripTrailing());
        }
        return blocks;
    }

    /** Removes the indentation common to every non-blank line, and the trailing newline. */
    private static String dedent(String text) {
        int indent = text.lines().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min().orElse(0);
        return text.lines()
                .map(line -> line.isBlank() ? "" : line.substring(indent))
                .reduce((a, b) -> a + "\n" + b)
                .orElse("")
                .stripTrailing();
    }
}
