package org.slowpoetry.servers.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's {@code ## Reliability} table true: every row names at least one test, as
 * {@code `ClassName#method`}, and every test it names exists: a file {@code ClassName.java} in one
 * of the repository's test trees declaring a method of that name. A test renamed or removed fails
 * this one until the table follows.
 */
class ReliabilityTableTest {

    /** The test trees a row may point into, relative to the repository's root. */
    private static final List<String> TEST_TREES = List.of(
            "servers/src/test/java", "clients/src/test/java", "core/src/test/java", "core/testing/src/test/java",
            "core/cli/src/test/java", "bench/src/test/java");

    /** {@code `ClassName#method`} in a cell. */
    private static final Pattern TEST = Pattern.compile("`([A-Z]\\w*)#(\\w+)`");

    /** The repository's root: the module's parent (surefire runs in the module's directory). */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void everyRowNamesATestAndEveryTestItNamesExists() throws IOException {
        List<List<String>> rows = reliabilityRows();
        assertFalse(rows.isEmpty(), "no table under ## Reliability in README.md");
        List<String> missing = new ArrayList<>();
        for (List<String> row : rows) {
            assertEquals(4, row.size(), "a row of | fault | who | what happens | test |: " + row);
            Matcher m = TEST.matcher(row.get(3));
            boolean any = false;
            while (m.find()) {
                any = true;
                if (!declares(m.group(1), m.group(2))) {
                    missing.add(m.group(1) + "#" + m.group(2));
                }
            }
            assertTrue(any, "a row names no test as `ClassName#method`: " + row);
        }
        assertEquals(List.of(), missing, "README's Reliability table names tests that do not exist");
    }

    /** The cells of each row of the first table under {@code ## Reliability}, header and rule left out. */
    private static List<List<String>> reliabilityRows() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
        int start = lines.indexOf("## Reliability");
        assertTrue(start >= 0, "README.md has no '## Reliability' section");
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("|")) {
                inTable = true;
                rows.add(cells(line));
            } else if (inTable) {
                break; // the first table only
            }
        }
        return rows.size() < 2 ? List.of() : rows.subList(2, rows.size()); // past the header and |---|
    }

    /** A table line's cells, trimmed; {@code \|} inside a cell is not a separator. */
    private static List<String> cells(String line) {
        String inner = line.strip().substring(1, line.strip().length() - 1);
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    /** Whether a test tree has {@code ClassName.java} declaring a method {@code method}. */
    private static boolean declares(String className, String method) {
        Pattern declaration = Pattern.compile("\\bvoid\\s+" + Pattern.quote(method) + "\\s*\\(");
        return TEST_TREES.stream().map(ROOT::resolve).filter(Files::isDirectory)
                .flatMap(tree -> find(tree, className + ".java").stream())
                .anyMatch(file -> declaration.matcher(read(file)).find());
    }

    private static List<Path> find(Path tree, String fileName) {
        try (Stream<Path> files = Files.walk(tree)) {
            return files.filter(f -> f.getFileName().toString().equals(fileName)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aTestThatDoesNotExistIsFound() {
        // The check itself can fail: a name nobody declares is not found.
        assertFalse(declares("ReliabilityTableTest", "noSuchMethodAnywhere"));
        assertTrue(declares("ReliabilityTableTest", "aTestThatDoesNotExistIsFound"));
        assertFalse(declares("NoSuchTestClass", "anything"));
    }
}
