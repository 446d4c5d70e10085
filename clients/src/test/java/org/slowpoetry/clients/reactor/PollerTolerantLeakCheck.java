package org.slowpoetry.clients.reactor;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slowpoetry.testing.LeakCheck;
import org.slowpoetry.testing.Leaks;

/**
 * {@link LeakCheck}, except for the JDK's virtual-thread I/O pollers: the first virtual thread to
 * park on a socket on a given carrier makes a "SubPoller-N" <em>virtual</em> thread and keeps it
 * for good, and {@link Leaks} recognizes these only as platform threads (its pattern expects the
 * description to start with the name, a virtual thread's starts with {@code virtual }). The loom
 * servers these tests start make such pollers whenever a carrier first sees one. Everything else
 * is checked as {@code LeakCheck} checks it: file descriptors (a leaked selector still shows by its
 * eventfd and its sockets), platform threads, other virtual threads.
 *
 * <p>Once {@code Leaks} knows virtual pollers, use {@code LeakCheck} again.
 *
 * <p><b>Threading:</b> JUnit calls it on the test's thread.
 */
final class PollerTolerantLeakCheck implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PollerTolerantLeakCheck.class);
    private static final Pattern POLLER = Pattern.compile("^(virtual )?'(Master|Sub)Poller(-\\d+)?'");

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(context.getUniqueId(), Leaks.snapshot());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Leaks.Snapshot before = context.getStore(NAMESPACE).remove(context.getUniqueId(), Leaks.Snapshot.class);
        if (before == null || context.getExecutionException().isPresent()) {
            return; // a test that failed has said what went wrong
        }
        try {
            await().atMost(Leaks.DEFAULT_WAIT).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20)).until(() -> leaksSince(before).isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("leaked since the snapshot (still there after " + Leaks.DEFAULT_WAIT + "):"
                    + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", leaksSince(before)));
        }
    }

    private static List<String> leaksSince(Leaks.Snapshot before) {
        return Leaks.leaksSince(before).stream()
                .filter(leak -> !POLLER.matcher(leak.replaceFirst("^thread #\\d+ ", "")).find())
                .toList();
    }
}
