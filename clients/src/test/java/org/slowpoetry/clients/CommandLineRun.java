package org.slowpoetry.clients;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.slowpoetry.cli.Main;
import picocli.CommandLine;

/** One run of the {@code slowpoetry} command line with its output captured, for tests. */
record CommandLineRun(int exitCode, String out, String err) {

    static CommandLineRun of(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CommandLineRun(code, out.toString(), err.toString());
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
