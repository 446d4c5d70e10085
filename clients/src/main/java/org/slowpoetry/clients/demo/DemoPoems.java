package org.slowpoetry.clients.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slowpoetry.cli.UserException;
import org.slowpoetry.servers.Poem;

/**
 * The poems bundled in the clients jar under {@code poems/} (copied there from the repository's
 * {@code poems/} directory by the build), so that the demo works from any directory.
 *
 * <p><b>Threading:</b> stateless; {@link #load()} may be called from any thread.
 */
final class DemoPoems {
    static final String DIRECTORY = "poems";

    private DemoPoems() {
    }

    /**
     * Every {@code poems/*.txt} on the class path: the longest first (it plays Donne's long poem of
     * Part 2), then the others by name.
     *
     * @throws UserException if no poems were bundled (a build without the poems directory)
     */
    static List<Poem> load() {
        URL url = DemoPoems.class.getClassLoader().getResource(DIRECTORY + "/");
        if (url == null) {
            throw new UserException("no poems bundled under '" + DIRECTORY + "/' on the class path; rebuild with the"
                    + " repository's poems/ directory present");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return read(jar.getPath("/" + DIRECTORY));
                }
            }
            return read(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled poems at " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a class path URL that is not a URI: " + url, e);
        }
    }

    private static List<Poem> read(Path directory) throws IOException {
        List<Poem> poems;
        try (Stream<Path> files = Files.list(directory)) {
            poems = files.filter(p -> p.getFileName().toString().endsWith(".txt"))
                    .sorted()
                    .map(p -> {
                        try {
                            return Poem.of(p.getFileName().toString(), Files.readAllBytes(p));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
        if (poems.isEmpty()) {
            throw new UserException("no poems bundled under '" + DIRECTORY + "/' on the class path");
        }
        Poem longest = poems.stream().max(Comparator.comparingInt(Poem::size)).orElseThrow();
        return Stream.concat(Stream.of(longest), poems.stream().filter(p -> p != longest)).toList();
    }
}
