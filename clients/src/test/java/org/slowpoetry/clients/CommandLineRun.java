package org.slowpoetry.clients;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.slowpoetry.cli.Main;
import picocli.CommandLine;

/** One run of the {@code slowpoetry} command line with its output captured, for tests. */
record CommandLineRun(int exitCode, String out, String err) {

    static CommandLineRun of(String... args) {
        StringWriter out = new StringWriter();
        CommandLineRun run = printingTo(new PrintWriter(out, true), args);
        return new CommandLineRun(run.exitCode(), out.toString(), run.err());
    }

    /** A run whose stdout is {@code out} (a {@link org.slowpoetry.cli.CheckedOutput} that fails, say); {@link #out()} is empty. */
    static CommandLineRun printingTo(PrintWriter out, String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setOut(out);
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CommandLineRun(code, "", err.toString());
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
