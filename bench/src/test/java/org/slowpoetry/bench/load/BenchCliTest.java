package org.slowpoetry.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.cli.Main;
import picocli.CommandLine;

@Timeout(30)
class BenchCliTest {

    private record Run(int code, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = Main.commandLine();
        var err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, err.toString());
    }

    @Test
    void anUnknownImplIsOneLineNamingTheRows() {
        var r = run("bench", "load", "--impls", "nope");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("unknown impl 'nope' for --impls; rows: netty, netty-epoll, loom"), r.err());
    }

    @Test
    void anUnknownScenarioIsOneLineNamingTheScenarios() {
        var r = run("bench", "load", "--scenarios", "fast,slowest");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown scenario 'slowest'; scenarios: fast, fast-large, slow-hold, slow-throughput"),
                r.err());
    }

    @Test
    void aRepeatBelowOneIsRejected() {
        var r = run("bench", "load", "--repeat", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--repeat must be at least 1: 0"), r.err());
    }

    @Test
    void benchAloneAsksForASubcommand() {
        var r = run("bench");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("missing subcommand: load or jmh"), r.err());
    }

    @Test
    void aMissingPoemIsNamed() {
        var r = run("bench", "load", "--poem", "no/such/poem.txt");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("poem 'no/such/poem.txt' is not a readable, non-empty file"), r.err());
    }
}
