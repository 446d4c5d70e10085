package org.slowpoetry.servers.run;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.fetch.BlockingTransform;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.servers.Clients;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerImpls;
import org.slowpoetry.servers.ServerKind;
import org.slowpoetry.transform.Cummingsify;

/**
 * Every plugin the runner finds, run as a real {@code slowpoetry run} process: in the foreground
 * with each of its impls, and as a daemon with its default one; each serves (a poem, or a
 * transform, byte for byte) and stops on SIGTERM with exit status 0 and its pid file removed. The
 * table below says how to run and check each plugin; a plugin without an entry fails the test.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunPluginsTest {

    /** How to see a plugin serve, at the address its TCP service logged. */
    @FunctionalInterface
    interface Check {
        void serves(InetSocketAddress address, String poem) throws Exception;
    }

    /** A poem comes back whole, byte for byte. */
    static final Check POEM = (address, poem) ->
            assertArrayEquals(poem.getBytes(StandardCharsets.UTF_8), Clients.fetch(address));

    /** A poem sent to be cummingsified comes back cummingsified. */
    static final Check TRANSFORM = (address, poem) -> assertEquals(Cummingsify.cummingsify(poem),
            BlockingTransform.xform(new Address(address.getHostString(), address.getPort()), "cummingsify", poem,
                    FetchSettings.defaults()));

    /**
     * A plugin's arguments ({@code POEM} and {@code UPSTREAM} stand for a poem file and a poetry
     * server's {@code HOST:PORT}), its impls (the first is used in daemon mode), and its check.
     */
    record Entry(List<String> args, List<String> impls, Check check) {
    }

    /** Every plugin, by name. Add the new ones. */
    static final Map<String, Entry> TABLE = Map.of(
            "testpoetry", new Entry(List.of("--port", "0", "--poem", "POEM"), List.of("reactor", "loom"), POEM),
            "fastpoetry", new Entry(List.of("--port", "0", "--iface", "127.0.0.1", "--poem", "POEM"),
                    List.of("reactor", "loom"), POEM),
            "slowpoetry", new Entry(List.of("--port", "0", "--iface", "127.0.0.1", "--poem", "POEM", "--delay", "0.001"),
                    List.of("reactor", "loom", "erlang"), POEM),
            "transform", new Entry(List.of("--port", "0", "--iface", "127.0.0.1"), List.of("reactor", "loom"), TRANSFORM),
            "proxy", new Entry(List.of("--port", "0", "--iface", "127.0.0.1", "UPSTREAM"), List.of("reactor", "loom"), POEM));

    static final String TEXT = "Each plugin, started by the runner,\nserves this poem — byte for byte — ünd stops.\n";

    @TempDir
    Path dir;

    private Path poem;
    /** The upstream server for the proxy, started in {@link #startUpstream()}. */
    private PoetryServer upstream;

    @BeforeEach
    void startUpstream() throws IOException {
        poem = Files.writeString(dir.resolve("poem.txt"), TEXT);
        upstream = ServerImpls.find("blocking", ServerKind.FAST)
                .start(ServerConfig.fast(Poem.of("poem.txt", TEXT.getBytes(StandardCharsets.UTF_8))));
    }

    @AfterEach
    void stopUpstream() {
        upstream.close();
    }

    @Test
    void everyPluginFoundHasATableEntry() {
        List<String> missing = Plugins.all().stream().map(ServiceMaker::name).filter(n -> !TABLE.containsKey(n)).toList();
        assertEquals(List.of(), missing, "add these plugins to RunPluginsTest.TABLE");
        assertTrue(Plugins.find("testpoetry").isPresent(), "the test plugin is registered in the test resources");
    }

    static Stream<Arguments> pluginsAndImpls() {
        return Plugins.all().stream().map(ServiceMaker::name).filter(TABLE::containsKey)
                .flatMap(name -> TABLE.get(name).impls().stream().map(impl -> Arguments.of(name, impl)));
    }

    static Stream<Arguments> plugins() {
        return Plugins.all().stream().map(ServiceMaker::name).filter(TABLE::containsKey).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0} --impl {1}")
    @MethodSource("pluginsAndImpls")
    void servesInTheForegroundAndStopsOnSigterm(String plugin, String impl) throws Exception {
        try (var run = RunProcess.start(dir, args(List.of("run", "--nodaemon"), plugin, impl))) {
            InetSocketAddress address = run.awaitListening(run.stdoutFile());
            TABLE.get(plugin).check().serves(address, TEXT);
            Path pidFile = dir.resolve(RunCommand.DEFAULT_PIDFILE);
            await().atMost(RunProcess.PATIENCE).until(() -> new PidFile(pidFile).pid().equals(OptionalLong.of(run.pid())));

            run.signal("TERM");

            assertEquals(0, run.awaitExit(), () -> "stderr: " + stderrOf(run));
            assertFalse(Files.exists(pidFile), "the pid file is removed");
            assertEquals("", run.stderr());
            String log = run.stdout();
            assertTrue(log.contains("Received SIGTERM, shutting down.") && log.contains("Server Shut Down."), log);
            assertFalse(Files.exists(dir.resolve(RunCommand.DEFAULT_LOGFILE)), "in the foreground, the log is stdout");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plugins")
    void servesAsADaemonInItsOwnSessionAndStopsOnSigterm(String plugin) throws Exception {
        String impl = TABLE.get(plugin).impls().getFirst();
        try (var launcher = RunProcess.start(dir, args(List.of("run"), plugin, impl))) {
            assertEquals(0, launcher.awaitExit(), () -> "stderr: " + stderrOf(launcher));
            Path pidFile = dir.resolve(RunCommand.DEFAULT_PIDFILE);
            long daemon = new PidFile(pidFile).pid().orElseThrow(() -> new AssertionError("no pid in the pid file"));
            launcher.adoptDaemon(daemon);
            assertNotEquals(launcher.pid(), daemon);
            assertEquals(daemon, RunProcess.sessionOf(daemon), "the daemon leads a session of its own");
            assertEquals("", launcher.stdout() + launcher.stderr(), "the launcher says nothing when all is well");
            Path log = dir.resolve(RunCommand.DEFAULT_LOGFILE);

            TABLE.get(plugin).check().serves(launcher.awaitListening(log), TEXT);
            RunProcess.signal(daemon, "TERM");

            ProcessHandle.of(daemon).ifPresent(p -> p.onExit().orTimeout(RunProcess.PATIENCE.toSeconds(), TimeUnit.SECONDS).join());
            assertFalse(Files.exists(pidFile), "the pid file is removed");
            List<String> lines = RunProcess.lines(log);
            assertTrue(lines.getLast().endsWith("] Server Shut Down."), () -> String.join("\n", lines));
        }
    }

    @Test
    void sigintStopsItAsSigtermDoes() throws Exception {
        try (var run = RunProcess.start(dir, "run", "--nodaemon", "testpoetry", "--poem", poem.toString())) {
            InetSocketAddress address = run.awaitListening(run.stdoutFile());
            assumeFalse(RunProcess.ignoresSigint(run.pid()), "the runner was started with SIGINT ignored");
            POEM.serves(address, TEXT);

            run.signal("INT");

            assertEquals(0, run.awaitExit(), () -> "stderr: " + stderrOf(run));
            String log = run.stdout();
            assertTrue(log.contains("Received SIGINT, shutting down."), log);
            assertFalse(Files.exists(dir.resolve(RunCommand.DEFAULT_PIDFILE)));
        }
    }

    private String[] args(List<String> runner, String plugin, String impl) {
        List<String> all = new ArrayList<>(runner);
        all.add(plugin);
        all.addAll(List.of("--impl", impl));
        for (String arg : TABLE.get(plugin).args()) {
            all.add(arg.replace("POEM", poem.toString())
                    .replace("UPSTREAM", "127.0.0.1:" + upstream.port()));
        }
        return all.toArray(String[]::new);
    }

    private static String stderrOf(RunProcess run) {
        try {
            return run.stderr();
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
