package org.slowpoetry.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;

/** Part 10's Cummingsifier, reliable and flaky, and the client 5.0 / 5.1 chains around it. */
class CummingsifyTest {
    private static final String POEM = "The Poem\nIS Short";

    private enum Outcome { SUCCESS, GIBBERISH, BUG }

    @Test
    void cummingsifyLowerCasesThePoem() {
        assertEquals("the poem\nis short", Cummingsify.cummingsify(POEM));
    }

    @Test
    void cummingsifyDoesNotDependOnTheDefaultLocale() {
        Locale original = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            assertEquals("title", Cummingsify.cummingsify("TITLE"));
        } finally {
            Locale.setDefault(original);
        }
    }

    @Test
    void theSameSeedGivesTheSameOutcomes() {
        assertEquals(outcomes(new SplittableRandom(7), 50), outcomes(new SplittableRandom(7), 50));
    }

    @Test
    void eachOutcomeComesAboutAThirdOfTheTime() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : outcomes(new SplittableRandom(2024), 3000)) {
            counts.merge(o, 1, Integer::sum);
        }
        for (Outcome o : Outcome.values()) {
            int n = counts.getOrDefault(o, 0);
            assertTrue(n > 850 && n < 1150, counts.toString());
        }
    }

    private static List<Outcome> outcomes(RandomGenerator random, int n) {
        FlakyCummingsifier flaky = new FlakyCummingsifier(FlakyCummingsifier.Flavor.CLIENT_5_1, random);
        List<Outcome> seen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            try {
                assertEquals("the poem\nis short", flaky.cummingsify(POEM));
                seen.add(Outcome.SUCCESS);
            } catch (GibberishException e) {
                seen.add(Outcome.GIBBERISH);
            } catch (CannotCummingsifyException e) {
                seen.add(Outcome.BUG);
            }
        }
        return seen;
    }

    @Test
    void client50sBugIsAnIllegalArgumentException() {
        FlakyCummingsifier flaky = new FlakyCummingsifier(FlakyCummingsifier.Flavor.CLIENT_5_0, scripted(2));
        assertThrows(IllegalArgumentException.class, () -> flaky.cummingsify(POEM));
    }

    @Test
    void client51sBugCarriesTheOriginalPoem() {
        FlakyCummingsifier flaky = new FlakyCummingsifier(FlakyCummingsifier.Flavor.CLIENT_5_1, scripted(2));
        assertSame(POEM, assertThrows(CannotCummingsifyException.class, () -> flaky.cummingsify(POEM)).poem());
    }

    @Test
    void client50HandlesTheBugInsideTheCallback() {
        // try_to_cummingsify: GibberishError re-raised, any other error -> the original poem
        assertEquals(List.of("the poem\nis short"), client50(0));
        assertEquals(List.of("The poem download failed."), client50(1));
        assertEquals(List.of("Cummingsify failed!", POEM), client50(2));
    }

    private List<String> client50(int choice) {
        FlakyCummingsifier flaky = new FlakyCummingsifier(FlakyCummingsifier.Flavor.CLIENT_5_0, scripted(choice));
        List<String> out = new ArrayList<>();
        Deferred<String> d = new Deferred<>();
        d.addCallback(poem -> {
            try {
                return flaky.cummingsify(poem);
            } catch (GibberishException e) {
                throw e;
            } catch (RuntimeException e) {
                out.add("Cummingsify failed!");
                return poem;
            }
        });
        d.addCallbacks(poem -> out.add(poem), err -> out.add("The poem download failed."));
        d.callback(POEM);
        return out;
    }

    @Test
    void client51RoutesEveryOutcomeThroughTheChainOfFigure24() {
        assertEquals(List.of("the poem\nis short"), client51(0));
        assertEquals(List.of("The poem download failed."), client51(1));
        assertEquals(List.of("Cummingsify failed!", POEM), client51(2));
    }

    private List<String> client51(int choice) {
        FlakyCummingsifier flaky = new FlakyCummingsifier(FlakyCummingsifier.Flavor.CLIENT_5_1, scripted(choice));
        List<String> out = new ArrayList<>();
        Deferred<String> d = new Deferred<>();
        d.addCallback(flaky::cummingsify);
        d.addErrback((Failure err) -> {
            if (err.check(CannotCummingsifyException.class) != null) {
                out.add("Cummingsify failed!");
                return ((CannotCummingsifyException) err.value()).poem();
            }
            return err;
        });
        d.addCallbacks(poem -> out.add(poem), err -> out.add("The poem download failed."));
        d.callback(POEM);
        return out;
    }

    @Test
    void aFailedDownloadSkipsTheTransform() {
        // Figure 23: the pass-through errbacks carry the failure to poem_failed
        List<String> out = new ArrayList<>();
        Deferred<String> d = new Deferred<>();
        d.addCallback(new FlakyCummingsifier(FlakyCummingsifier.Flavor.CLIENT_5_1, scripted())::cummingsify);
        d.addCallbacks(poem -> out.add(poem), err -> out.add("The poem download failed."));
        d.errback(new java.io.IOException("Connection was refused"));
        assertEquals(List.of("The poem download failed."), out);
    }

    /** A generator whose nextInt(bound) returns the given choices in order. */
    private static RandomGenerator scripted(Integer... choices) {
        Deque<Integer> script = new ArrayDeque<>(Arrays.asList(choices));
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException("scripted");
            }

            @Override
            public int nextInt(int bound) {
                return script.removeFirst();
            }
        };
    }
}
