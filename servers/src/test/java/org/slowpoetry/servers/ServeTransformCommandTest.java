package org.slowpoetry.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.cli.Main;
import org.slowpoetry.trial.LeakCheck;

/** {@code slowpoetry serve transform} through {@link Main}'s command line: help and bad options. */
@ExtendWith(LeakCheck.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ServeTransformCommandTest {

    record Run(int code, String out, String err) {
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
    void helpDocumentsBothProtocolsEveryOptionAndBothImpls() {
        Run run = run("serve", "transform", "--help");
        assertEquals(ExitCodes.OK, run.code(), run.err());
        for (String wanted : List.of("NAME.POEM", "'NAME POEM'", "\\n", "--impl", "--port", "--iface", "--line-port",
                "--max-request", "--request-timeout", "cummingsify", "reverse-lines", "  reactor  ", "  loom  ")) {
            assertTrue(run.out().contains(wanted), wanted + " missing from:\n" + run.out());
        }
    }

    @Test
    void serveHelpListsTheTransformServer() {
        Run run = run("serve", "--help");
        assertTrue(run.out().contains("  transform  "), run.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--impl blocking | Invalid value for option '--impl': 'blocking' is not one of reactor, loom",
        "--line-port 70000 | Invalid value for option '--line-port': 70000 is out of range 0–65535",
        "--port -1 | Invalid value for option '--port': -1 is out of range 0–65535",
        "--max-request 0 | Invalid value for option '--max-request': 0 is less than 1",
        "--request-timeout 0 | Invalid value for option '--request-timeout': '0.0' is not a number of seconds",
    })
    void aBadOptionIsOneLineNamingItAndExitCode2(String args, String expected) {
        String[] argv = ("serve transform " + args).split(" ");
        Run run = run(argv);
        assertEquals(ExitCodes.USAGE, run.code(), run.err());
        String err = run.err().strip();
        assertTrue(err.startsWith("slowpoetry serve transform: " + expected), err);
        assertFalse(err.contains("\n"), err);
        assertEquals("", run.out());
    }

    @Test
    void aPortInUseIsOneLineNamingTheAddress() throws IOException {
        try (var busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = run("serve", "transform", "--impl", "loom", "--port", String.valueOf(busy.getLocalPort()));
            assertEquals(ExitCodes.USAGE, run.code(), run.err());
            assertEquals("slowpoetry serve transform: cannot listen on 127.0.0.1:" + busy.getLocalPort()
                    + ": address already in use", run.err().strip());
        }
    }
}
