package org.slowpoetry.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.cli.Main;

/** {@code slowpoetry serve proxy} through the command line: help, and each bad input as one line. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ServeProxyCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpNamesBothImplsAndEveryOption() {
        Run run = run("serve", "proxy", "--help");
        assertEquals(ExitCodes.OK, run.code());
        for (String word : new String[] {"reactor", "loom", "--version", "--cache-ttl", "--upstream-timeout", "UPSTREAM"}) {
            assertTrue(run.out().contains(word), word + " missing from:\n" + run.out());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--cache-ttl|5x|'--cache-ttl': '5x' is not a duration",
        "--cache-ttl|-1s|'--cache-ttl': '-1s' is not a duration",
        "--upstream-timeout|0|'--upstream-timeout': '0' is not longer than zero",
        "--upstream-timeout|9999h|'--upstream-timeout': '9999h' is longer than 366 days",
        "--version|4|'--version': no proxy version 4",
        "--impl|twisted|'--impl': 'twisted' is not one of reactor, loom",
    })
    void aBadOptionIsOneLineNamingItAndExitsWithUsage(String option, String value, String expected) {
        Run run = run("serve", "proxy", option, value, "10001");
        assertEquals(ExitCodes.USAGE, run.code());
        assertTrue(run.err().lines().findFirst().orElse("").contains(expected), run.err());
    }

    @Test
    void theLoomProxyHasOnlyVersionThree() {
        Run run = run("serve", "proxy", "--impl", "loom", "--version", "1", "10001");
        assertEquals(ExitCodes.USAGE, run.code());
        assertTrue(run.err().contains("'--version': 1 is reactor-only"), run.err());
    }
}
