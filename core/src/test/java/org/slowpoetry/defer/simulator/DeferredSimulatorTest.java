package org.slowpoetry.defer.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slowpoetry.defer.Failure;
import org.slowpoetry.defer.simulator.DeferredSimulator.Firing;
import org.slowpoetry.defer.simulator.DeferredSimulator.Visit;

/** Part 9's simulator: the firings of real Deferreds, and the text's pictures of them. */
class DeferredSimulatorTest {

    private static ChainSpec spec(String... lines) {
        return ChainSpec.parse(List.of(lines));
    }

    private static String path(Firing firing) {
        StringBuilder out = new StringBuilder(DeferredSimulator.display(firing.initial()));
        for (Visit visit : firing.visits()) {
            out.append(visit.errback() ? " -eb-> " : " -cb-> ").append(DeferredSimulator.display(visit.output()));
        }
        return out.toString();
    }

    @Test
    void aCallbackFiringRunsTheCallbackOfEachStageUntilOneFails() {
        Firing firing = DeferredSimulator.fire(spec("r good f bad", "f googly p", "p r fixed", "r end p"), false);
        assertEquals("initial -cb-> good -cb-> googly* -eb-> fixed -cb-> end", path(firing));
        assertEquals("end", firing.result());
    }

    @Test
    void anErrbackFiringStartsOnTheErrbackLine() {
        Firing firing = DeferredSimulator.fire(spec("r good f bad", "f googly p"), true);
        assertEquals("initial* -eb-> bad* -eb-> bad*", path(firing));
        assertTrue(firing.result() instanceof Failure);
    }

    @Test
    void addCallbacksDiffersFromAddCallbackThenAddErrback() {
        // Part 9 exercise 2: a pair's errback never sees its own callback's failure
        Firing paired = DeferredSimulator.fire(spec("f oops r caught"), false);
        Firing split = DeferredSimulator.fire(spec("f oops p", "p r caught"), false);
        assertEquals("oops*", DeferredSimulator.display(paired.result()));
        assertEquals("caught", split.result());
    }

    @Test
    void theWideLayoutIsTheTextsPictureCharacterForCharacter() throws IOException {
        assertEquals(golden("two-pairs-wide.txt"), DeferredSimulator.render(spec("r good f bad", "f googly p"), false));
    }

    @Test
    void theNarrowLayoutStacksTheThreePictures() throws IOException {
        assertEquals(golden("client50-narrow.txt"),
                DeferredSimulator.render(spec("r poem p", "r None r None", "r None r None"), true));
    }

    @Test
    void aZigzagPathDrawsTheCrossings() throws IOException {
        assertEquals(golden("zigzag-wide.txt"),
                DeferredSimulator.render(spec("p p", "f a r b", "f c p", "p r d", "f x f y"), false));
    }

    @Test
    void aChainThatEndsInAFailureHasThatFailureAsItsResult() {
        Firing callback = DeferredSimulator.fire(spec("f bad f worse"), false);
        Firing errback = DeferredSimulator.fire(spec("f bad f worse"), true);
        assertEquals("bad*", DeferredSimulator.display(callback.result()));
        assertEquals("worse*", DeferredSimulator.display(errback.result()));
    }

    @Test
    void pythonsCenterPutsTheOddSpaceOnTheLeftOnlyForOddWidths() {
        assertEquals("  ab ", Screen.center("ab", 5));
        assertEquals("   ab  ", Screen.center("ab", 7));
        assertEquals(" abc  ", Screen.center("abc", 6));
        assertEquals(" a  ", Screen.center("a", 4));
        assertEquals("toolong", Screen.center("toolong", 3));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = DeferredSimulatorTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
