package org.slowpoetry.clients.reactor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.slowpoetry.cli.Main;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.GetOptions;
import org.slowpoetry.clients.RecordingListener;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerImpls;
import org.slowpoetry.servers.ServerKind;
import org.slowpoetry.time.MonotonicClock;
import picocli.CommandLine;

/**
 * Real slow poetry servers, poems, captured runs and command lines for the reactor clients' tests.
 *
 * <p><b>Threading:</b> the helpers are called from the test thread; {@link Events} is thread-safe.
 */
final class ReactorTesting {
    /** Every reactor style of this module, in the text's order. */
    static final List<String> STYLES = List.of("reactor-raw", "reactor-broken", "reactor", "reactor-simple",
            "callbacks", "errbacks", "deferred", "cummingsify", "cummingsify-5.1", "transform", "inline",
            "deferred-list");
    /** The styles that hand the poem over as it was served (the others transform it). */
    static final List<String> UNTRANSFORMED = STYLES.subList(0, 7);
    /** The styles whose poem goes through a transform: the flaky cummingsifier, or a transform server. */
    static final List<String> TRANSFORMING = STYLES.subList(7, STYLES.size());

    private ReactorTesting() {
    }

    /** {@link #STYLES}, for {@code @MethodSource}. */
    static java.util.stream.Stream<String> styles() {
        return STYLES.stream();
    }

    /**
     * Makes the JVM-wide threads that a first use creates and keeps, before a leak check takes its
     * snapshot: the Deferred family's cleaner thread (started when a Deferred first holds a
     * failure), and the virtual-thread scheduler's "delayScheduler" (started when a virtual thread
     * first sleeps, as the loom server's do between sends).
     */
    static void warmUp() {
        Deferred.fail(new Exception("warm-up")).addErrback(failure -> null);
        try {
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(1); // not synchronization: the first timed park creates the scheduler
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }).join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code lines} numbered lines, distinct per {@code name}, with capitals for cummingsify to lower. */
    static byte[] poem(String name, int lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            text.append("Poem ").append(name).append(", Line ").append(i).append(": Slowly The Bytes Arrive\n");
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A real slow server ({@code impl}: blocking or loom) on a random loopback port. */
    static PoetryServer server(String impl, byte[] poem, int numBytes, Duration delay) {
        try {
            return ServerImpls.find(impl, ServerKind.SLOW)
                    .start(ServerConfig.slow(Poem.of("test poem", poem)).withPacing(numBytes, delay));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where {@code server} listens, as a client addresses it. */
    static Address address(PoetryServer server) {
        return new Address("127.0.0.1", server.port());
    }

    /** A loopback port that was just free: bound, then closed, so a connect is refused. */
    static Address refusingAddress() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new Address("127.0.0.1", socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The default options on {@code selector} ({@code epoll} or {@code poll}). */
    static GetOptions onSelector(String selector) {
        return options(GetOptions.defaults().fetch(), OptionalLong.empty(), false, selector);
    }

    /** The default options with {@code --seed seed}. */
    static GetOptions withSeed(long seed) {
        return withSeed(seed, GetOptions.defaults().selector());
    }

    /** The default options with {@code --show-stack}. */
    static GetOptions withShowStack() {
        GetOptions d = GetOptions.defaults();
        return options(d.fetch(), d.seed(), true, d.selector());
    }

    /** The default options with {@code --seed seed} on {@code selector}. */
    static GetOptions withSeed(long seed, String selector) {
        return options(GetOptions.defaults().fetch(), OptionalLong.of(seed), false, selector);
    }

    /** The default options with {@code --timeout}. */
    static GetOptions withTimeout(Duration timeout) {
        GetOptions d = GetOptions.defaults();
        return d.withFetch(d.fetch().withTimeout(timeout));
    }

    private static GetOptions options(FetchSettings fetch, OptionalLong seed, boolean showStack, String selector) {
        GetOptions d = GetOptions.defaults();
        return new GetOptions(fetch, d.print(), d.quiet(), d.timing(), d.inOrder(), d.retries(), seed, showStack,
                selector);
    }

    /** A run printing into {@link Captured#out()} and {@link Captured#err()}, with a {@link RecordingListener}. */
    static Captured capture(GetOptions options) {
        return new Captured(new ByteArrayOutputStream(), new ByteArrayOutputStream(), new RecordingListener(), options);
    }

    /** What a style printed on stdout and stderr, and what its listener heard. */
    record Captured(ByteArrayOutputStream outBytes, ByteArrayOutputStream errBytes, RecordingListener events,
            GetOptions options) {
        ClientRun run() {
            return new ClientRun(new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                    new PrintStream(errBytes, true, StandardCharsets.UTF_8), MonotonicClock.system(), options, events);
        }

        /** stdout, line by line. */
        List<String> out() {
            return outBytes.toString(StandardCharsets.UTF_8).lines().toList();
        }

        /** stdout as it was written. */
        String outText() {
            return outBytes.toString(StandardCharsets.UTF_8);
        }

        /** stderr, line by line. */
        List<String> err() {
            return errBytes.toString(StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** One run of the {@code slowpoetry} command line, its output captured. */
    record Cli(int exitCode, String out, String err) {
        static Cli run(String... args) {
            CommandLine cli = Main.commandLine();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute(args);
            return new Cli(code, out.toString(), err.toString());
        }

        List<String> outLines() {
            return out.lines().toList();
        }
    }
}
