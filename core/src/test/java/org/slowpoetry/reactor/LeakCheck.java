package org.slowpoetry.reactor;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Proves that code closed what it opened: a snapshot of the process's open file descriptors and
 * live threads, and an assertion that, after the code ran and was closed, there are no more of
 * either (waiting a little, since fds of channels closed while registered are released by the
 * selector's next pass, and threads take a moment to end).
 *
 * {@snippet :
 * runOnce();                                   // warm up: class loading opens jar files once
 * LeakCheck.Snapshot before = LeakCheck.snapshot();
 * runOnce();
 * LeakCheck.assertNoLeaks(before);
 * }
 *
 * <p>Threads the JVM starts on demand and keeps (virtual-thread carriers, awaitility's poller) are
 * not counted. Linux only (reads {@code /proc/self/fd}).
 *
 * <p><b>Threading:</b> stateless; call from the test thread.
 */
public final class LeakCheck {

    /** Open fds and live threads at one moment. */
    public record Snapshot(long fds, Set<String> threads) {
    }

    private static final List<String> JVM_THREAD_PREFIXES = List.of(
            "ForkJoinPool", "VirtualThread-", "awaitility", "Attach Listener", "process reaper",
            "Common-Cleaner", "JFR ", "surefire", "Notification Thread", "InnocuousThread");

    private LeakCheck() {
    }

    public static Snapshot snapshot() {
        return new Snapshot(openFds(), liveThreads());
    }

    /** Waits up to 5 s for fds and threads to come back to {@code before}; fails naming what leaked. */
    public static void assertNoLeaks(Snapshot before) {
        await("no leaked fds or threads").atMost(Duration.ofSeconds(5))
                .pollInSameThread()
                .pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> {
                    long fds = openFds();
                    Set<String> extra = liveThreads().stream()
                            .filter(t -> !before.threads().contains(t))
                            .collect(Collectors.toSet());
                    if (fds > before.fds() || !extra.isEmpty()) {
                        throw new AssertionError("leaked " + (fds - before.fds()) + " fd(s) ("
                                + before.fds() + " before, " + fds + " now) and threads " + extra);
                    }
                });
    }

    /** The number of open file descriptors of this process. */
    public static long openFds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> JVM_THREAD_PREFIXES.stream().noneMatch(t.getName()::startsWith))
                .map(t -> t.getName() + "#" + t.threadId())
                .collect(Collectors.toSet());
    }
}
