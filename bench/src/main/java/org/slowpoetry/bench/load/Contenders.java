package org.slowpoetry.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slowpoetry.cli.UserException;
import org.slowpoetry.servers.ServerImpl;
import org.slowpoetry.servers.ServerImpls;

/**
 * Which rows a run has: every server style we know of, minus those not on this class path or
 * machine (each named, with why, so a missing one is never silently absent).
 *
 * <p><b>Threading:</b> call from the harness's thread; {@link #discover} starts and waits for a
 * short Python process to check for Twisted.
 */
final class Contenders {
    /** Every row, in table order: the peer first, then our styles, then the rest of today's use. */
    static final List<String> ALL = List.of("netty", "netty-epoll", "loom", "erlang", "reactor-epoll",
            "reactor-poll", "reactor-epoll-1", "reactor-epoll-handoff", "blocking", "twisted");

    /** What {@code --impls reactor} means: every reactor row. */
    static final List<String> REACTOR_ROWS = List.of("reactor-epoll", "reactor-poll", "reactor-epoll-1",
            "reactor-epoll-handoff");

    /** Debian's Python, where {@code apt-get install python3-twisted} puts Twisted. */
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private Contenders() {
    }

    /**
     * The rows named in {@code wanted} (labels; {@code reactor} means every reactor row), in table
     * order, that can run here. Each one that cannot is reported to {@code notes}.
     *
     * @param scratch a directory for the extracted Twisted program
     * @throws UserException for a name that is no row
     */
    static List<Contender> discover(List<String> wanted, Path scratch, Consumer<String> notes) {
        Set<String> names = new LinkedHashSet<>();
        for (String w : wanted) {
            String name = w.strip();
            if (name.equals("reactor")) {
                names.addAll(REACTOR_ROWS);
            } else if (ALL.contains(name)) {
                names.add(name);
            } else {
                throw new UserException("unknown impl '" + name + "' for --impls; rows: " + String.join(", ", ALL)
                        + " (reactor = " + String.join(",", REACTOR_ROWS) + ")");
            }
        }
        Set<String> plugins = new LinkedHashSet<>(ServerImpls.all().stream().map(ServerImpl::name).toList());
        var rows = new ArrayList<Contender>();
        for (String label : ALL) {
            if (!names.contains(label)) {
                continue;
            }
            if (label.equals("twisted")) {
                twisted(scratch, notes).ifPresent(rows::add);
                continue;
            }
            String impl = label.startsWith("reactor-") ? "reactor" : label;
            String selector = label.equals("reactor-poll") ? "poll" : "epoll";
            // reactor-epoll and reactor-poll: the server's default loops (a loop per core); reactor-epoll-1: the text's one
            int loops = label.equals("reactor-epoll-1") ? 1 : 0;
            // reactor-epoll-handoff: the default loops, one accepting for all (the accept model not the default on Linux)
            String accept = label.equals("reactor-epoll-handoff") ? "handoff" : null;
            if (!plugins.contains(impl)) {
                notes.accept(label + ": skipped: no '" + impl + "' server impl on the class path yet");
            } else if (label.equals("netty-epoll") && !nativeEpollShipped()) {
                notes.accept(label + ": skipped: we ship Netty's native epoll for Linux x86-64 only, and this is "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
            } else {
                rows.add(new Contender.JavaServer(label, impl, selector, loops, accept));
            }
        }
        return rows;
    }

    /**
     * Whether the native epoll library we depend on (classifier linux-x86_64) fits this machine.
     * Decided from the OS and CPU rather than by loading it: loading a native library in the
     * harness JVM would need {@code --enable-native-access}, and only the server process uses it
     * (where a failure to load is reported as that row's error).
     */
    static boolean nativeEpollShipped() {
        String arch = System.getProperty("os.arch");
        return System.getProperty("os.name").equals("Linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    private static java.util.Optional<Contender> twisted(Path scratch, Consumer<String> notes) {
        String install = "twisted: skipped: Debian's python3-twisted is not installed"
                + " (apt-get install python3-twisted)";
        if (!Files.isExecutable(PYTHON)) {
            notes.accept(install + "; no " + PYTHON);
            return java.util.Optional.empty();
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import twisted")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                notes.accept("twisted: skipped: '" + PYTHON + " -c \"import twisted\"' did not finish in 20 s");
                return java.util.Optional.empty();
            }
            if (p.exitValue() != 0) {
                notes.accept(install);
                return java.util.Optional.empty();
            }
            Path script = scratch.resolve("twisted_poetry.py");
            try (InputStream in = Contenders.class.getResourceAsStream("/org/slowpoetry/bench/peers/twisted_poetry.py")) {
                if (in == null) {
                    notes.accept("twisted: skipped: twisted_poetry.py is not on the class path (a build problem)");
                    return java.util.Optional.empty();
                }
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            return java.util.Optional.of(new Contender.TwistedServer(PYTHON, script));
        } catch (IOException e) {
            notes.accept("twisted: skipped: " + e.getMessage());
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }
}
