package org.slowpoetry.clients;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.time.MonotonicClock;
import org.slowpoetry.trial.LeakCheck;

/**
 * {@code get --style threaded}, Part 1's Figure 2: a platform thread per poem, the select client's
 * lines, and what an interrupt can and cannot do to a platform thread blocked in a read.
 */
@ExtendWith(LeakCheck.class)
@Timeout(20)
class ThreadedClientTest {

    private static final Duration PACE = Duration.ofMillis(2);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final RecordingListener events = new RecordingListener();

    private ClientRun run(Duration timeout, TaskListener also) {
        GetOptions options = GetOptions.defaults().withFetch(FetchSettings.defaults().withTimeout(timeout));
        PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        return new ClientRun(stdout, nowhere, MonotonicClock.system(), options, events.andThen(also));
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** A caller to interrupt: a thread running the threaded style's fetch, keeping what it throws. */
    private static Thread fetchOnAThreadOfItsOwn(List<Address> addresses, ClientRun run, AtomicReference<Throwable> thrown) {
        return Thread.ofPlatform().name("threaded-caller").start(() -> {
            try {
                ClientStyles.find("threaded").fetch(addresses, run);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
    }

    /** Hears which thread reports each task's start. */
    private static final class StartingThreads implements TaskListener {
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        @Override
        public void started(int task, Address address) {
            threads.add(Thread.currentThread());
        }
    }

    @Test
    void eachPoemIsFetchedOnAPlatformThreadOfItsOwnAndAllHaveEndedWhenFetchReturns() throws Exception {
        StartingThreads starting = new StartingThreads();
        try (var s1 = TestServers.slow(TestPoems.poem("a", 6), 30, PACE);
                var s2 = TestServers.slow(TestPoems.poem("b", 3), 10, PACE);
                var s3 = TestServers.slow(TestPoems.poem("c", 3), 10, PACE)) {
            List<Address> addresses = List.of(TestServers.address(s1), TestServers.address(s2), TestServers.address(s3));

            ClientStyles.find("threaded").fetch(addresses, run(Duration.ofSeconds(10), starting));

            assertEquals(3, starting.threads.size(), "one thread per poem");
            assertTrue(starting.threads.stream().noneMatch(Thread::isVirtual), "platform threads");
            assertFalse(starting.threads.contains(Thread.currentThread()), "not the caller's");
            assertTrue(starting.threads.stream().noneMatch(Thread::isAlive), "every thread ended");
        }
    }

    @Test
    void printsWhatTheSelectClientPrintsALinePerReadFinishedThenEachPoemsSizeInTaskOrder() throws Exception {
        byte[] a = TestPoems.poem("a", 10);
        byte[] b = TestPoems.poem("b", 3);
        try (var s1 = TestServers.slow(a, 30, PACE); var s2 = TestServers.slow(b, 10, PACE)) {
            List<Address> addresses = List.of(TestServers.address(s1), TestServers.address(s2));

            ClientStyles.find("threaded").fetch(addresses, run(Duration.ofSeconds(10), TaskListener.none()));

            List<String> lines = lines();
            assertEquals(List.of("Task 1: " + a.length + " bytes of poetry", "Task 2: " + b.length + " bytes of poetry"),
                    lines.subList(lines.size() - 2, lines.size()));
            for (int task = 1; task <= 2; task++) {
                String got = "Task " + task + ": got ";
                String from = " bytes of poetry from " + addresses.get(task - 1);
                int finished = lines.indexOf("Task " + task + " finished");
                assertTrue(finished >= 0, lines::toString);
                int reported = lines.subList(0, finished).stream().filter(l -> l.startsWith(got) && l.endsWith(from))
                        .mapToInt(l -> Integer.parseInt(l.substring(got.length(), l.length() - from.length())))
                        .sum();
                assertEquals(task == 1 ? a.length : b.length, reported, "every read has its line, before finished");
                assertTrue(lines.subList(finished, lines.size()).stream().noneMatch(l -> l.startsWith(got)), "no read after");
            }
        }
    }

    @Test
    void anInterruptedFetchThrowsOnceEveryThreadHasSeenItAtItsReadsTimeout() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        StartingThreads starting = new StartingThreads();
        try (var stuck = ScriptedPoetryServer.gated(TestPoems.poem("stuck", 4), 10, never);
                var alsoStuck = ScriptedPoetryServer.gated(TestPoems.poem("also", 4), 10, never)) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread client = fetchOnAThreadOfItsOwn(List.of(stuck.address(), alsoStuck.address()),
                    run(Duration.ofMillis(500), starting), thrown);
            await().atMost(Duration.ofSeconds(10)).until(() -> events.bytes() >= 20);

            client.interrupt();
            client.join();

            assertInstanceOf(InterruptedException.class, thrown.get(), String.valueOf(thrown.get()));
            assertTrue(starting.threads.stream().noneMatch(Thread::isAlive), "every thread ended before fetch threw");
            assertTrue(events.events().stream().noneMatch(e -> e.startsWith("failed ")),
                    "an interrupted task is left unfinished, not failed: " + events.events());
            never.countDown();
        }
    }

    @Test
    void anInterruptReachesAThreadWhoseServerKeepsSendingAtItsNextRead() throws Exception {
        // 60 s of --timeout: only the next read, not the timeout, can end the download in time
        try (var server = TestServers.slow(TestPoems.poem("long", 400), 10, Duration.ofMillis(20))) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread client = fetchOnAThreadOfItsOwn(List.of(TestServers.address(server)),
                    run(FetchSettings.DEFAULT_TIMEOUT, TaskListener.none()), thrown);
            await().atMost(Duration.ofSeconds(10)).until(() -> events.bytes() >= 20);

            client.interrupt();
            client.join(Duration.ofSeconds(10));

            assertFalse(client.isAlive(), "fetch ended at the next read");
            assertInstanceOf(InterruptedException.class, thrown.get(), String.valueOf(thrown.get()));
        }
    }
}
