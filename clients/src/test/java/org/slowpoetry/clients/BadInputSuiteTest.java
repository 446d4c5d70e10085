package org.slowpoetry.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.trial.LeakCheck;

/**
 * Issue 14's bad command-line input, for every command of this module ({@code get}, {@code tour},
 * {@code simulate}, {@code demo}; {@code bench}'s are in the bench module, {@code serve}'s in the
 * servers module): an unknown option, a missing argument, a bad number, a bad address or size, an
 * unknown style or example. Each is one line on stderr naming the input and the problem, exit code
 * 2, nothing on stdout, no stack trace, and nothing started or left open. The real picocli commands
 * run, as {@code Main} runs them.
 */
@ExtendWith(LeakCheck.class)
@Timeout(20)
@DisplayNameGeneration(RuleNames.class)
class BadInputSuiteTest {

    @ParameterizedTest(name = RuleNames.CASE)
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        # command line (split at spaces)                | the one line after 'slowpoetry ' (... : and the rest)
        get --bogus 10000                               | get: Unknown option: '--bogus' (see 'slowpoetry get --help')
        get --style                                     | get: Missing required parameter for option '--style' (NAME) (see 'slowpoetry get --help')
        get --style blocking                            | get: Missing required parameter: 'ADDR' (see 'slowpoetry get --help')
        get --style nope 10000                          | get: unknown style 'nope'; the styles are: STYLES
        get 10000                                       | get: choose a client style with --style NAME; the styles are: STYLES
        get --style blocking --timeout x 10000          | get: Invalid value for option '--timeout': 'x' is not a double (see 'slowpoetry get --help')
        get --style blocking --timeout -2 10000         | get: bad --timeout '-2.0': must be a positive number of seconds, at most 86400
        get --style blocking --timeout NaN 10000        | get: bad --timeout 'NaN': must be a positive number of seconds, at most 86400
        get --style blocking --max-poem lots 10000      | get: bad --max-poem 'lots': not a size: write bytes, or a whole number with k, m or g (64k, 16m)
        get --style blocking --max-poem 4g 10000        | get: bad --max-poem '4g': must be from 1 byte to 1g
        get --style blocking 10000 --max-poem           | get: Missing required parameter for option '--max-poem' (BYTES) (see 'slowpoetry get --help')
        get --style erlang --retries x 10000            | get: Invalid value for option '--retries': 'x' is not an int (see 'slowpoetry get --help')
        get --style cummingsify --seed 1.5 10000        | get: Invalid value for option '--seed': '1.5' is not a long (see 'slowpoetry get --help')
        get --style blocking x:99999                    | get: bad address 'x:99999': port out of range 1–65535
        get --style blocking [::1]                      | get: bad address '[::1]': missing port: write [::1]:PORT
        get --style blocking ::1:10000                  | get: bad address '::1:10000': write IPv6 hosts in brackets, as [::1]:PORT
        get --style blocking poetry.example:            | get: bad address 'poetry.example:': missing port
        get --style blocking 10000 ten                  | get: bad address 'ten': port 'ten' is not a number
        get --style blocking --retries 2 10000          | get: --retries is not supported by style 'blocking'
        get --style reactor --selector kqueue 10000     | get: bad --selector 'kqueue': must be epoll or poll
        get --style transform 10000                     | get: style 'transform' takes a transform server's address first ("" for none), then one or more poetry servers': XFORM_ADDR ADDR...
        get --style transform --xform a.b 10001 10000   | get: bad --xform 'a.b': a transform's name is not empty and has no '.'
        tour --bogus                                    | tour: Unknown option: '--bogus' (see 'slowpoetry tour --help')
        tour nope                                       | tour: no example named 'nope'; 'slowpoetry tour' lists them
        tour --check defer-99                           | tour: no example named 'defer-99'; did you mean: defer-1, ...
        simulate --bogus                                | simulate: Unknown option: '--bogus' (see 'slowpoetry simulate --help')
        simulate --file                                 | simulate: Missing required parameter for option '--file' (FILE) (see 'slowpoetry simulate --help')
        simulate --file /no/such/chain.txt              | simulate: cannot read chain file '/no/such/chain.txt': no such file
        simulate --example nope                         | simulate: unknown example 'nope'; the examples are: part9-addcallbacks, ...
        simulate --example part9-addcallbacks --list-examples | simulate: choose one of --file, --example and --list-examples
        demo --bogus                                    | demo: Unknown option: '--bogus' (see 'slowpoetry demo --help')
        demo --styles                                   | demo: Missing required parameter for option '--styles' (LIST) (see 'slowpoetry demo --help')
        demo --styles nope                              | demo: unknown style 'nope'; the styles are: STYLES
        demo --styles loom,loom                         | demo: bad --styles 'loom,loom': 'loom' twice
        demo --speed fast                               | demo: Invalid value for option '--speed': 'fast' is not a double (see 'slowpoetry demo --help')
        demo --speed 0                                  | demo: bad --speed '0.0': must be a positive number
        demo --width x                                  | demo: Invalid value for option '--width': 'x' is not an int (see 'slowpoetry demo --help')
        demo --width 3                                  | demo: bad --width '3': must be at least 60
        """)
    void badInputIsOneLineNamingItAndExitTwo(String commandLine, String line) {
        CommandLineRun run = CommandLineRun.of(commandLine.split(" "));

        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        String expected = "slowpoetry " + line.replace("STYLES", String.join(", ", ClientStyles.names()));
        if (expected.endsWith(", ...")) {
            String start = expected.substring(0, expected.length() - "...".length());
            assertTrue(run.errLines().getFirst().startsWith(start), run.err());
        } else {
            assertEquals(expected, run.errLines().getFirst());
        }
        assertEquals("", run.out());
    }
}
