package org.slowpoetry.servers.run;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The application files in {@code servers/examples} compile against the runner's class path and
 * follow the convention (a class named after the file, with {@code application(ServiceContext)}),
 * so that the README's {@code slowpoetry run --app} commands keep working. (Running them needs
 * their fixed ports: the runner itself is tested with the test resources' files.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExamplesCompileTest {
    /** Surefire runs in the module's directory. */
    static final Path EXAMPLES = Path.of("examples");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList().stream();
        }
    }

    @Test
    void thereAreExamples() throws IOException {
        assertFalse(examples().toList().isEmpty(), "no .java files in " + EXAMPLES.toAbsolutePath());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void compilesAndHasTheApplicationMethod(Path example) {
        var messages = new StringWriter();
        assertDoesNotThrow(() -> ApplicationFile.compile(example, new PrintWriter(messages, true)),
                () -> "the compiler said: " + messages);
        assertEquals(List.of(), messages.toString().lines().toList());
    }
}
