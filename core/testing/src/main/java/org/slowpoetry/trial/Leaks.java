package org.slowpoetry.trial;

import static org.awaitility.Awaitility.await;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.slowpoetry.defer.Deferred;

/**
 * Leak checks for tests: the sockets, other file descriptors and threads a test opened or started
 * and did not close or end.
 *
 * {@snippet :
 * Leaks.Snapshot before = Leaks.snapshot();
 * try (PoetryServer server = impl.start(config)) {
 *     fetch(server.address());
 * }
 * Leaks.assertNoLeaksSince(before); // waits up to 5 s for threads to end and fds to close
 * }
 *
 * Or per test, with {@code @ExtendWith(LeakCheck.class)}.
 *
 * <p>What is compared with the snapshot:
 * <ul>
 * <li>open file descriptors ({@code /proc/self/fd}; Linux only, skipped elsewhere): sockets, pipes,
 *     epoll and eventfd instances (a {@link Selector} that was not closed) and files, each by number
 *     and target, so closing one socket and opening another on the same number still counts. Jar
 *     files and the JDK's own files are left out: class loading opens them lazily and keeps them.
 * <li>live platform threads, by id, except the JVM's and the test tools' own
 *     ({@link #isInfrastructure}): virtual-thread carriers, common-pool workers, JUnit's timeout
 *     watcher, awaitility's poller, surefire's threads.
 * <li>live virtual threads, by id, read from a JSON thread dump
 *     ({@link HotSpotDiagnosticMXBean#dumpThreads}), which lists them all.
 * </ul>
 * The JDK creates some things once, on first use, and keeps them for good: the poller threads and
 * epoll instances of virtual-thread I/O, NIO's spare "pre-close" socket. The first
 * {@link #snapshot()} makes them (a short loopback exchange on a virtual thread, a selector) so that
 * they are in every baseline and never reported.
 *
 * <p><b>Threading:</b> call from the test's thread. It assumes one test runs at a time in the JVM
 * (surefire's default): with JUnit's parallel execution, another test's sockets would count.
 */
public final class Leaks {

    /** How long {@link #assertNoLeaksSince(Snapshot)} waits for things to close. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);
    /** How often a wait looks again. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

    private static final Path FDS = Path.of("/proc/self/fd");
    private static final Pattern DUMP_NAME = Pattern.compile("\"name\": \"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern DUMP_STATE = Pattern.compile("\"state\": \"([A-Z_]+)\"");
    private static final Pattern DUMP_STACK = Pattern.compile("\"stack\": \\[([^\\]]*)]");
    private static final Pattern DUMP_FRAME = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern DUMP_ID = Pattern.compile("^\\s*\"(\\d+)\"");

    /**
     * The JDK's virtual-thread I/O pollers: the first virtual thread to park on a socket on a given
     * carrier creates a "SubPoller" (the first of all a "MasterPoller"), each with an epoll fd, and
     * keeps it for good, so the warm-up cannot create them all in advance. A leaked selector still
     * shows: besides its epoll fd it holds an eventfd, which is reported.
     */
    private static final Pattern POLLER_THREAD = Pattern.compile("^(virtual )?'(Master|Sub)Poller(-\\d+)?'");

    private static boolean isPollerFd(String target) {
        return target.equals("anon_inode:[eventpoll]");
    }

    /** Set once by the first snapshot (test thread); the lazy JDK infrastructure exists after it. */
    private static volatile boolean warmedUp;

    private Leaks() {
    }

    /**
     * What was open and running at one moment.
     *
     * @param fds     open file descriptor number to what it points at ({@code socket:[1234]},
     *                {@code anon_inode:[eventpoll]}, a path), only the kinds that are compared
     * @param threads live thread id to a description ({@code 'name' (STATE in frame)}), platform and
     *                virtual, infrastructure left out
     */
    public record Snapshot(Map<Integer, String> fds, Map<Long, String> threads) {
        public Snapshot {
            fds = Map.copyOf(fds);
            threads = Map.copyOf(threads);
        }
    }

    /** The file descriptors and threads open now (the first call first warms the JDK up). */
    public static Snapshot snapshot() {
        if (!warmedUp) {
            warmUp();
            warmedUp = true;
        }
        return new Snapshot(openFds(), liveThreads());
    }

    /**
     * What is open now and was not in {@code before}, one readable line each; empty when nothing
     * leaked. Does not wait.
     */
    public static List<String> leaksSince(Snapshot before) {
        List<String> leaks = new ArrayList<>();
        openFds().forEach((fd, target) -> {
            if (!target.equals(before.fds().get(fd)) && !isPollerFd(target)) {
                leaks.add("fd " + fd + " -> " + target);
            }
        });
        liveThreads().forEach((id, thread) -> {
            if (!before.threads().containsKey(id) && !POLLER_THREAD.matcher(thread).find()) {
                leaks.add("thread #" + id + " " + thread);
            }
        });
        return leaks;
    }

    /** {@link #assertNoLeaksSince(Snapshot, Duration)} with {@link #DEFAULT_WAIT}. */
    public static void assertNoLeaksSince(Snapshot before) {
        assertNoLeaksSince(before, DEFAULT_WAIT);
    }

    /**
     * Waits up to {@code atMost} for every file descriptor and thread opened since {@code before} to
     * be closed or to end (threads may take a moment to finish after {@code close()} returns).
     *
     * @throws AssertionError listing what is still open
     */
    public static void assertNoLeaksSince(Snapshot before, Duration atMost) {
        List<String> leaks = awaitNone(() -> leaksSince(before), atMost);
        if (!leaks.isEmpty()) {
            throw new AssertionError("leaked since the snapshot (still there after " + atMost + "):"
                    + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", leaks));
        }
    }

    /**
     * Asks {@code what} every {@link #POLL_INTERVAL} until it answers an empty list or
     * {@code atMost} has passed (awaitility, polling on this thread), and returns its last answer.
     * There is nothing to be told when a thread ends or a descriptor closes elsewhere, so it polls;
     * the wait is bounded.
     */
    static List<String> awaitNone(Supplier<List<String>> what, Duration atMost) {
        try {
            await().atMost(atMost)
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval(POLL_INTERVAL)
                    .until(() -> what.get().isEmpty());
            return List.of();
        } catch (ConditionTimeoutException e) {
            return what.get();
        }
    }

    /**
     * Threads that belong to the JVM or the test tools and come and go on their own: never reported.
     */
    static boolean isInfrastructure(Thread t) {
        String name = t.getName();
        return t.getClass().getName().equals("jdk.internal.misc.CarrierThread")
                || (t instanceof ForkJoinWorkerThread w && w.getPool() == ForkJoinPool.commonPool())
                || name.startsWith("awaitility")
                || name.equals("junit-jupiter-timeout-watcher")
                || name.startsWith("surefire-")
                || name.equals("process reaper")
                || name.equals("Attach Listener")
                || name.startsWith("JFR ")
                // Started by the JDK on first use (a virtual thread's timed park, a scope's deadline)
                // and kept for good.
                || name.endsWith("-delayScheduler")
                || name.equals("Common-Cleaner")
                || name.equals("Signal Dispatcher")
                || name.equals("Notification Thread")
                || name.equals("Reference Handler")
                || name.equals("Finalizer");
    }

    // ---- file descriptors ----

    private static Map<Integer, String> openFds() {
        Map<Integer, String> fds = new TreeMap<>();
        if (!Files.isDirectory(FDS)) {
            return fds; // not Linux: fds are not checked
        }
        try (Stream<Path> entries = Files.list(FDS)) {
            for (Path entry : entries.toList()) {
                String target;
                try {
                    target = Files.readSymbolicLink(entry).toString();
                } catch (NoSuchFileException closedMeanwhile) {
                    continue; // e.g. the fd of this very listing
                }
                if (isCompared(target)) {
                    fds.put(Integer.parseInt(entry.getFileName().toString()), target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + FDS, e);
        }
        return fds;
    }

    private static boolean isCompared(String target) {
        if (target.startsWith("socket:") || target.startsWith("pipe:") || target.startsWith("anon_inode:")) {
            return true;
        }
        String javaHome = System.getProperty("java.home");
        return !(target.endsWith(".jar") || target.startsWith("/proc/") || target.startsWith("/dev/")
                || target.startsWith(javaHome) || target.contains("hsperfdata"));
    }

    // ---- threads ----

    private static Map<Long, String> liveThreads() {
        Map<Long, String> threads = new TreeMap<>();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            if (t.isAlive() && !isInfrastructure(t)) {
                StackTraceElement[] stack = e.getValue();
                threads.put(t.threadId(), describe(t.getName(), t.getState().name(),
                        Arrays.stream(stack).map(StackTraceElement::toString).toList()));
            }
        }
        threads.putAll(virtualThreads());
        return threads;
    }

    /** Virtual threads are not in {@link Thread#getAllStackTraces()}; the JSON thread dump lists them. */
    private static Map<Long, String> virtualThreads() {
        Map<Long, String> threads = new TreeMap<>();
        String dump = threadDump();
        // The dump is an array of thread objects that each start with "tid"; cut it there.
        for (String chunk : dump.split("\"tid\":")) {
            if (!chunk.contains("\"virtual\": true")) {
                continue;
            }
            Matcher id = DUMP_ID.matcher(chunk);
            if (!id.find()) {
                continue;
            }
            String name = find(DUMP_NAME, chunk);
            if (name != null && name.endsWith("Poller")) {
                continue; // the JDK's I/O pollers: virtual threads in some poller modes
            }
            threads.put(Long.parseLong(id.group(1)),
                    "virtual " + describe(name, find(DUMP_STATE, chunk), frames(chunk)));
        }
        return threads;
    }

    private static String threadDump() {
        try {
            Path dir = Files.createTempDirectory("leaks");
            Path file = dir.resolve("threads.json");
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                return Files.readString(file);
            } finally {
                Files.deleteIfExists(file);
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take a thread dump", e);
        }
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** The frames of one thread of the JSON dump, top first. */
    private static List<String> frames(String chunk) {
        String stack = find(DUMP_STACK, chunk);
        return stack == null ? List.of() : DUMP_FRAME.matcher(stack).results().map(m -> m.group(1)).toList();
    }

    /** {@code 'name' (STATE in frame)}: see {@link Threads#place}. */
    private static String describe(String name, String state, List<String> frames) {
        return "'" + (name == null ? "" : name) + "' (" + Threads.place(state, frames) + ")";
    }

    // ---- warm-up ----

    /**
     * Makes the JDK create its lazily created, never closed I/O infrastructure now, and core's one
     * such thread: the cleaner that reports unhandled failures, started by the first Deferred
     * left holding one.
     */
    private static void warmUp() {
        Deferred.fail(new IllegalStateException("leak-check warm-up")).addErrback(handled -> null);
        try (var listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                var selector = Selector.open()) {
            Thread reader = Thread.ofVirtual().name("leaks-warm-up").start(() -> {
                try (Socket s = listener.accept()) {
                    s.getInputStream().read();
                } catch (IOException ignored) {
                    // the warm-up only needs the attempt
                }
            });
            try (var client = new Socket(listener.getInetAddress(), listener.getLocalPort())) {
                client.getOutputStream().write(1);
            }
            reader.join(Duration.ofSeconds(5));
            selector.selectNow();
        } catch (IOException e) {
            throw new UncheckedIOException("leak-check warm-up failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while warming up", e);
        }
    }
}
