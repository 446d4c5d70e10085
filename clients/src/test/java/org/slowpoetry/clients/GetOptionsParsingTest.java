package org.slowpoetry.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
        var run = CommandLineRun.of("get", "--style", "test-options", "--print", "--timeout", "2.5", "--quiet", "--timing",
                "--in-order", "--retries", "3", "--seed", "7", "--show-stack", "--selector", "poll", "10000");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertEquals(new GetOptions(FetchSettings.defaults().withTimeout(Duration.ofMillis(2500)), true, true, true, true,
                3, OptionalLong.of(7), true, "poll"), OptionsEchoStyle.LAST.get());
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
