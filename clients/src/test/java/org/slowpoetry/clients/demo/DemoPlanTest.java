package org.slowpoetry.clients.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.slowpoetry.servers.Poem;

/** The demo's poems (bundled from the repository) and how they are served. */
class DemoPlanTest {

    @Test
    void bundledPoemsAreTheRepositorysWithTheLongestFirst() throws Exception {
        List<Poem> poems = DemoPoems.load();
        Path repo = Path.of("..", "poems");
        try (var files = Files.list(repo)) {
            assertEquals(files.filter(p -> p.toString().endsWith(".txt")).count(), poems.size());
        }
        for (Poem poem : poems) {
            assertArrayEquals(Files.readAllBytes(repo.resolve(poem.source())), poem.bytes(), poem.source());
        }
        assertTrue(poems.stream().allMatch(p -> p.size() <= poems.getFirst().size()));
    }

    @Test
    void theLongPoemGoesThirtyBytesASendTheOthersTenAsInPart2() {
        DemoPlan plan = DemoPlan.of(DemoPoems.load(), OptionalDouble.of(1));
        assertEquals(30, plan.servers().getFirst().numBytes());
        assertTrue(plan.servers().subList(1, plan.servers().size()).stream().allMatch(s -> s.numBytes() == 10));
        assertEquals(Duration.ofMillis(100), plan.delay(), "speed 1 is the text's pace");
        assertEquals(Duration.ofMillis(25), DemoPlan.of(DemoPoems.load(), OptionalDouble.of(4)).delay());
    }

    @Test
    void defaultSpeedMakesTheDefaultStylesTakeAboutTwentySecondsTogether() {
        DemoPlan plan = DemoPlan.of(DemoPoems.load(), OptionalDouble.empty());
        int sum = plan.servers().stream().mapToInt(DemoPlan.Server::sends).sum();
        int max = plan.servers().stream().mapToInt(DemoPlan.Server::sends).max().orElseThrow();
        // blocking: one poem after another; threaded, select, reactor and loom: all at once, as long as the longest
        double seconds = (sum + 4 * max) * plan.delay().toNanos() / 1e9;
        assertTrue(seconds > 18.5 && seconds < 21.5, "expected about 20 s of sending, got " + seconds);
        assertEquals(List.of("blocking", "threaded", "select", "reactor", "loom"), DemoCommand.DEFAULT_STYLES);
    }
}
