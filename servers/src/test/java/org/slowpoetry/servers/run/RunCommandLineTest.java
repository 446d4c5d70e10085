package org.slowpoetry.servers.run;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.servers.CommandLineRun;

/**
 * {@code slowpoetry run} through the command line ({@link CommandLineRun}), in this JVM: its help, the plugins'
 * help, and every mistake that is answered before anything starts: one line on stderr, exit 2
 * (or 1 for a pid file in use), nothing started, no pid file written. (Running is tested as a
 * child process: {@link RunPluginsTest} and the others.)
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunCommandLineTest {

    @TempDir
    Path dir;

    private Path poem;

    @BeforeEach
    void writePoem() throws IOException {
        poem = Files.writeString(dir.resolve("poem.txt"), "Roses are red,\nsockets are blue.\n");
    }

    /**
     * {@code slowpoetry run ARGS}, with the pid file in the test's directory unless ARGS name one;
     * {@code POEM} is a poem file.
     */
    private CommandLineRun run(String... args) {
        List<String> argv = new ArrayList<>(List.of("run"));
        if (!List.of(args).contains("--pidfile")) {
            argv.addAll(List.of("--pidfile", dir.resolve("run.pid").toString()));
        }
        for (String a : args) {
            argv.add(a.replace("POEM", poem.toString()));
        }
        return CommandLineRun.of(argv);
    }

    @Test
    void helpListsTheRunnerOptionsThenEveryPluginOnOneLine() {
        CommandLineRun run = run("--help");
        assertEquals(ExitCodes.OK, run.code());
        String out = run.out();
        assertAll(
                () -> assertTrue(out.startsWith("Usage: slowpoetry run"), out),
                () -> assertTrue(out.contains("--nodaemon") && out.contains("--pidfile") && out.contains("--logfile"), out),
                () -> assertTrue(out.indexOf("--pidfile") < out.indexOf("Plugins"), "runner options first: " + out),
                () -> assertTrue(out.contains("\n  testpoetry    A poetry service for the runner's tests.\n"), out),
                () -> assertEquals("", run.err()));
        for (ServiceMaker<?> maker : Plugins.all()) {
            assertTrue(out.contains("  " + maker.name() + " ") && out.contains(maker.description()), maker.name());
        }
    }

    @Test
    void helpAfterThePluginShowsThePluginsOptions() {
        CommandLineRun run = run("testpoetry", "--help");
        assertEquals(ExitCodes.OK, run.code());
        assertTrue(run.out().startsWith("Usage: slowpoetry run testpoetry"), run.out());
        assertTrue(run.out().contains("--poem") && run.out().contains("--port2"), run.out());
        assertFalse(run.out().contains("--pidfile"), "the runner's options are not the plugin's: " + run.out());
        assertFalse(Files.exists(dir.resolve("run.pid")));
    }

    @Test
    void anUnknownPluginIsNamedWithTheKnownOnes() {
        CommandLineRun run = run("--nodaemon", "nosuchpoetry", "--port", "1");
        assertEquals(ExitCodes.USAGE, run.code());
        String line = run.errLine();
        assertTrue(line.startsWith("slowpoetry run: unknown plugin 'nosuchpoetry'; the plugins are: "), line);
        assertTrue(line.contains("testpoetry"), line);
    }

    @Test
    void noPluginAndNoApplicationFileIsAUsageError() {
        CommandLineRun run = run("--nodaemon");
        assertEquals(ExitCodes.USAGE, run.code());
        assertTrue(run.errLine().startsWith("slowpoetry run: missing plugin: name one of "), run.err());
    }

    @Test
    void aPluginAndAnApplicationFileTogetherIsAUsageError() {
        CommandLineRun run = run("--nodaemon", "--app", "x.java", "testpoetry");
        assertEquals(ExitCodes.USAGE, run.code());
        assertTrue(run.errLine().contains("give a plugin or --app FILE.java, not both"), run.err());
    }

    @Test
    void optionsAfterThePluginNameAreThePluginsOwn() {
        CommandLineRun run = run("--nodaemon", "testpoetry", "--poem", "POEM", "--nodaemon");
        assertEquals(ExitCodes.USAGE, run.code());
        assertTrue(run.errLine().startsWith("slowpoetry run testpoetry: Unknown option: '--nodaemon'"), run.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --port x                | testpoetry: Invalid value for option '--port'
            --impl threads          | testpoetry: Invalid value for option '--impl'
            --iface                 | testpoetry: Missing required parameter for option '--iface'
            """)
    void aBadPluginOptionIsOneLineNamingIt(String args, String expected) {
        List<String> argv = new ArrayList<>(List.of("--nodaemon", "testpoetry", "--poem", "POEM"));
        argv.addAll(List.of(args.split(" ")));
        CommandLineRun run = run(argv.toArray(String[]::new));
        assertEquals(ExitCodes.USAGE, run.code());
        assertTrue(run.errLine().startsWith("slowpoetry run " + expected), run.err());
    }

    @Test
    void aMissingRequiredPluginOptionIsOneLine() {
        CommandLineRun run = run("--nodaemon", "testpoetry");
        assertEquals(ExitCodes.USAGE, run.code());
        assertTrue(run.errLine().startsWith("slowpoetry run testpoetry: Missing required option: '--poem"), run.err());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            --log-max-size | lots | '--log-max-size': 'lots' is not a size: write bytes
            --log-max-size | 0    | '--log-max-size': '0' is not a size above 0
            --log-max-size | 2048g | '--log-max-size': '2048g' is not a size above 0 and up to 1024g
            --log-backups  | -1   | '--log-backups': -1 is not a number of files
            --stop-timeout | 0    | '--stop-timeout': '0.0' is not a number of seconds above 0
            --stop-timeout | soon | '--stop-timeout': 'soon' is not a double
            """)
    void aBadRunnerOptionIsOneLineNamingIt(String option, String value, String expected) {
        CommandLineRun run = run("--nodaemon", option, value, "testpoetry", "--poem", "POEM");
        assertEquals(ExitCodes.USAGE, run.code());
        assertTrue(run.errLine().startsWith("slowpoetry run: Invalid value for option " + expected), run.err());
    }

    @Test
    void logToStandardErrorNeedsTheForeground() {
        CommandLineRun run = run("--logfile", "-", "testpoetry", "--poem", "POEM");
        assertEquals(ExitCodes.USAGE, run.code());
        assertTrue(run.errLine().contains("'-' (standard error) needs --nodaemon"), run.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"--logfile, no-such-dir/run.log", "--pidfile, no-such-dir/run.pid"})
    void aFileInADirectoryThatIsNotThereIsAUsageError(String option, String file) {
        CommandLineRun run = run("--nodaemon", option, dir.resolve(file).toString(), "testpoetry", "--poem", "POEM");
        assertEquals(ExitCodes.USAGE, run.code());
        assertTrue(run.errLine().startsWith("slowpoetry run: Invalid value for option '" + option + "': cannot write "),
                run.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"--logfile", "--pidfile"})
    void theRootDirectoryAsTheFileIsAUsageErrorNotAnInternalOne(String option) {
        CommandLineRun run = run("--nodaemon", option, "/", "testpoetry", "--poem", "POEM");
        assertEquals(ExitCodes.USAGE, run.code(), run.err());
        assertTrue(run.errLine().startsWith("slowpoetry run: Invalid value for option '" + option
                + "': cannot write /: it is a directory"), run.err());
    }

    @Test
    void aLivePidInThePidFileRefusesToStart() throws IOException {
        long alive = ProcessHandle.current().parent().orElseThrow().pid(); // the JVM that started the tests
        Path pidFile = Files.writeString(dir.resolve("run.pid"), alive + "\n");

        CommandLineRun run = run("--nodaemon", "testpoetry", "--poem", "POEM");

        assertEquals(ApplicationRunner.FAILED, run.code());
        assertEquals("slowpoetry run: another slowpoetry is running with pid " + alive + " (" + pidFile + ")",
                run.errLine());
        assertEquals(alive + "\n", Files.readString(pidFile), "the other runner's pid file is left alone");
    }

    @Test
    void anApplicationFileThatDoesNotCompileShowsTheCompilersMessagesAndExits2() throws IOException {
        Path app = Files.writeString(dir.resolve("Broken.java"), """
                class Broken {
                    static void application() {
                        return 42;
                    }
                }
                """);

        CommandLineRun run = run("--nodaemon", "--app", app.toString());

        assertEquals(ExitCodes.USAGE, run.code());
        assertTrue(run.err().contains(app + ":3: error: "), run.err());
        assertTrue(run.err().strip().endsWith("slowpoetry run: cannot compile " + app
                + " (the compiler's messages are above)"), run.err());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), "no stack trace: " + run.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            class NoMethod { }                                                                   | class NoMethod has no method public static Application application(ServiceContext context)
            class NoMethod { static org.slowpoetry.service.Application application(org.slowpoetry.service.ServiceContext c) { return null; } } | NoMethod.application must be public static Application application(ServiceContext context)
            class Other { }                                                                      | declares no top-level class NoMethod
            """)
    void anApplicationFileWithoutTheApplicationMethodIsOneLine(String source, String expected) throws IOException {
        Path app = Files.writeString(dir.resolve("NoMethod.java"), source);

        CommandLineRun run = run("--nodaemon", "--app", app.toString());

        assertEquals(ExitCodes.USAGE, run.code());
        assertTrue(run.errLine().contains(expected), run.err());
    }

    @Test
    void anApplicationFileMustBeAJavaSourceThatExists() {
        assertTrue(run("--nodaemon", "--app", dir.resolve("app.tac").toString()).errLine()
                .endsWith("app.tac is not a .java file"));
        assertTrue(run("--nodaemon", "--app", dir.resolve("Missing.java").toString()).errLine()
                .endsWith("Missing.java: no such file, or not readable"));
    }
}
