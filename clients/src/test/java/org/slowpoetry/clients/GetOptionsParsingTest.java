package org.slowpoetry.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slowpoetry.cli.ByteSize;
import org.slowpoetry.cli.ExitCodes;
import org.slowpoetry.fetch.FetchSettings;

/** What {@code get} hands a style that declares every option: parsed, checked, defaults filled in. */
class GetOptionsParsingTest {

    @BeforeEach
    void forget() {
        OptionsEchoStyle.LAST.set(null);
    }

    @Test
    void everyOptionReachesTheStyleParsed() {
        var run = CommandLineRun.of("get", "--style", "test-options", "--print", "--timeout", "2.5", "--max-poem", "64k", "--quiet", "--timing",
                "--in-order", "--retries", "3", "--seed", "7", "--show-stack", "--selector", "poll", "10000");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals(new GetOptions(FetchSettings.defaults().withTimeout(Duration.ofMillis(2500))
                .withMaxPoemBytes(64 * 1024), true, true, true, true,
                3, OptionalLong.of(7), true, "poll"), OptionsEchoStyle.LAST.get());
    }

    @Test
    void getHelpDocumentsMaxPoemAndItsDefaultOfSixteenMebibytes() {
        var run = CommandLineRun.of("get", "--help");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        String help = String.join(" ", run.out().split("\\s+"));
        assertTrue(help.contains("--max-poem=BYTES"), help);
        assertTrue(help.contains("(default: " + ByteSize.format(FetchSettings.defaults().maxPoemBytes()) + ")"), help);
        assertEquals("16m", ByteSize.format(FetchSettings.defaults().maxPoemBytes()));
    }

    @Test
    void optionsNotGivenAreTheDefaults() {
        var run = CommandLineRun.of("get", "--style", "test-options", "10000");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals(GetOptions.defaults(), OptionsEchoStyle.LAST.get());
    }

    @ParameterizedTest
    @CsvSource({
        "--timeout, 0, 'bad --timeout ''0.0'': must be a positive number of seconds, at most 86400'",
        "--timeout, -1, 'bad --timeout ''-1.0'': must be a positive number of seconds, at most 86400'",
        "--timeout, 1e9, 'bad --timeout ''1.0E9'': must be a positive number of seconds, at most 86400'",
        "--max-poem, 0, bad --max-poem '0': must be from 1 byte to 1g",
        "--max-poem, 2g, bad --max-poem '2g': must be from 1 byte to 1g",
        "--max-poem, 1.5m, 'bad --max-poem ''1.5m'': not a size: write bytes, or a whole number with k, m or g (64k, 16m)'",
        "--max-poem, 99999999999999999999, bad --max-poem '99999999999999999999': too large",
        "--retries, -1, bad --retries '-1': must be 0 or more",
        "--selector, kqueue, bad --selector 'kqueue': must be epoll or poll"
    })
    void badValuesAreOneLineAndNothingIsFetched(String option, String value, String message) {
        var run = CommandLineRun.of("get", "--style", "test-options", option, value, "10000");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals(List.of("slowpoetry get: " + message), run.errLines());
        assertEquals(null, OptionsEchoStyle.LAST.get());
    }
}
