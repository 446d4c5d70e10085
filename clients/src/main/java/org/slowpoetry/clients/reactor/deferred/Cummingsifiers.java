package org.slowpoetry.clients.reactor.deferred;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.slowpoetry.transform.FlakyCummingsifier;

/**
 * One {@link FlakyCummingsifier} per task, from {@code --seed}: the same seed gives every task the
 * same luck on every run, whatever order the poems happen to arrive in (one shared generator would
 * hand its numbers out in arrival order). Without a seed, every run is different, as in the text.
 *
 * <p>The Loom versions of clients 5.0 and 5.1 ({@code cummingsify-loom}, {@code cummingsify-5.1-loom})
 * take theirs from here too, so that one seed gives a task the same luck in both.
 *
 * <p><b>Threading:</b> stateless; each cummingsifier it makes belongs to one task, and so to the
 * reactor thread, or to the task's own virtual thread.
 */
public final class Cummingsifiers {
    private Cummingsifiers() {
    }

    /** {@code tasks} cummingsifiers of {@code flavor}, the first for task 1, seeded from {@code seed}. */
    public static List<FlakyCummingsifier> perTask(int tasks, FlakyCummingsifier.Flavor flavor, OptionalLong seed) {
        SplittableRandom root = seed.isPresent() ? new SplittableRandom(seed.getAsLong()) : new SplittableRandom();
        List<FlakyCummingsifier> list = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            list.add(new FlakyCummingsifier(flavor, root.split()));
        }
        return List.copyOf(list);
    }
}
