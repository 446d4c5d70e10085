package org.slowpoetry.bench.load;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slowpoetry.testing.Leaks;

/**
 * {@code LeakCheck} for tests whose clients are virtual threads: the same snapshot and comparison,
 * but the JDK's virtual I/O poller threads ({@code virtual 'SubPoller-2'}), which the JDK starts
 * per carrier on first use and keeps, are not counted. ({@code Leaks}' own poller pattern expects
 * the name first and misses the {@code virtual} prefix; once it is fixed there, use
 * {@code LeakCheck} again.)
 *
 * <p><b>Threading:</b> JUnit calls it on the test's thread.
 */
public final class BenchLeakCheck implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BenchLeakCheck.class);
    private static final Pattern JDK_POLLER = Pattern.compile("^thread #\\d+ virtual '(Master|Sub)Poller(-\\d+)?'");

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(context.getUniqueId(), Leaks.snapshot());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Leaks.Snapshot before = context.getStore(NAMESPACE).remove(context.getUniqueId(), Leaks.Snapshot.class);
        if (before == null || context.getExecutionException().isPresent()) {
            return;
        }
        await("nothing leaked").atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertEquals(List.of(), leaks(before), "leaked since the snapshot"));
    }

    private static List<String> leaks(Leaks.Snapshot before) {
        return Leaks.leaksSince(before).stream().filter(l -> !JDK_POLLER.matcher(l).find()).toList();
    }
}
