package org.slowpoetry.clients;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.protocol.Address;

/**
 * What the tests of every style share: the styles to run, and the checks whose answer depends on
 * what a style declares (a transforming style may lower-case a poem, or reject it as gibberish),
 * never on its name.
 *
 * <p><b>Threading:</b> stateless.
 */
final class StyleChecks {
    /** A seed with which every transform of the flaky cummingsifier succeeds. */
    static final String LUCKY_SEED = "34";

    private StyleChecks() {
    }

    /**
     * Options every style accepts with {@code fetch}: the lucky seed (for the styles of Part 10) and
     * {@code xform} as the transform server (for those of Parts 13 to 18); the others ignore both.
     */
    static GetOptions options(FetchSettings fetch, Address xform) {
        GetOptions defaults = GetOptions.defaults();
        return new GetOptions(fetch, false, false, false, false, 0, OptionalLong.of(Long.parseLong(LUCKY_SEED)), false,
                defaults.selector()).withTransform(Optional.of(xform), defaults.xform());
    }

    /**
     * {@code get --style NAME}, the lucky seed or {@code xform} if the style takes one, then
     * {@code options}, then {@code addresses}.
     */
    static String[] getArgs(ClientStyle style, Address xform, List<String> options, List<String> addresses) {
        List<String> args = new ArrayList<>(List.of("get", "--style", style.name()));
        if (style.options().contains(GetOption.SEED)) {
            args.addAll(List.of("--seed", LUCKY_SEED));
        }
        args.addAll(options);
        if (style.takesTransformAddress()) {
            args.add(xform.toString());
        }
        args.addAll(addresses);
        return args.toArray(String[]::new);
    }

    /** Every style registered with {@link ClientStyles}, but the tests' own options echo. */
    static Stream<ClientStyle> styles() {
        return ClientStyles.all().stream().filter(style -> !(style instanceof OptionsEchoStyle));
    }

    /**
     * A style that passes the poem through a flaky transformation (Part 10) takes {@code --seed};
     * one that has a transform server transform it (Part 13) takes that server's address.
     */
    static boolean transforms(ClientStyle style) {
        return style.options().contains(GetOption.SEED) || style.takesTransformAddress();
    }

    /** A style whose original prints the poems does so itself; the others offer {@code --print}. */
    static boolean printsPoems(ClientStyle style) {
        return !style.options().contains(GetOption.PRINT);
    }

    /** The poem as served, or, for a transforming style, lower-cased or rejected as gibberish. */
    static void assertPoemOrRejection(ClientStyle style, byte[] served, TaskOutcome outcome) {
        switch (outcome) {
            case TaskOutcome.Fetched fetched -> assertTrue(Arrays.equals(served, fetched.poem())
                    || transforms(style) && Arrays.equals(lower(served), fetched.poem()),
                    style.name() + " changed the poem");
            case TaskOutcome.Failed failed -> assertTrue(transforms(style)
                    && failed.failure() instanceof FetchFailure.Rejected, failed.failure().toString());
        }
    }

    /** No trace's frame lines, and no line that is a bare exception header ({@code java.io.IOException: x}). */
    static void assertNoStackTrace(String output) {
        assertTrue(output.lines().noneMatch(l -> l.startsWith("\tat ")
                || l.matches("^([\\w$]+\\.)+[\\w$]*(Exception|Error)(: .*)?$")), output);
    }

    /** The poem lower-cased, as cummingsify leaves it. */
    static byte[] lower(byte[] poem) {
        return new String(poem, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    }
}
