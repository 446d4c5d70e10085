package org.slowpoetry.clients;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.testing.LeakCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.time.MonotonicClock;

/** The rules every client style keeps, proved on real sockets for each style of this module. */
@ExtendWith(LeakCheck.class)
@Timeout(20)
class ClientStyleContractTest {

    static Stream<String> styles() {
        return Stream.of("blocking", "select");
    }

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final RecordingListener listener = new RecordingListener();
    private final ClientRun run = new ClientRun(
            new PrintStream(captured, true, StandardCharsets.UTF_8), MonotonicClock.system(), GetOptions.defaults(), listener);

    private List<String> lines() {
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @ParameterizedTest
    @MethodSource("styles")
    void everyPoemArrivesExactlyAsServed(String name) throws Exception {
        byte[] a = TestPoems.poem("a", 12);
        byte[] b = TestPoems.poem("b", 4);
        byte[] c = TestPoems.poem("c", 5);
        try (var s1 = TestServers.slow(a, 30, Duration.ofMillis(2));
                var s2 = TestServers.slow(b, 10, Duration.ofMillis(2));
                var s3 = TestServers.slow(c, 10, Duration.ofMillis(2))) {
            List<TaskOutcome> outcomes = ClientStyles.find(name).fetch(List.of(TestServers.address(s1), TestServers.address(s2), TestServers.address(s3)), run);

            assertEquals(3, outcomes.size());
            assertArrayEquals(a, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(0)).poem());
            assertArrayEquals(b, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(1)).poem());
            assertArrayEquals(c, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(2)).poem());
            assertEquals(List.of(1, 2, 3), outcomes.stream().map(TaskOutcome::task).toList());
            assertEquals(a.length + b.length + c.length, listener.bytes());
        }
    }

    @ParameterizedTest
    @MethodSource("styles")
    void listenerHearsStartedThenReadsThenFinishedForEachTask(String name) throws Exception {
        byte[] a = TestPoems.poem("a", 3);
        Address address;
        try (var s1 = TestServers.slow(a, 10, Duration.ofMillis(1))) {
            address = TestServers.address(s1);
            ClientStyles.find(name).fetch(List.of(address), run);
        }
        List<String> events = listener.events(1);
        assertEquals("started 1 " + address, events.getFirst());
        assertEquals("finished 1", events.getLast());
        assertTrue(events.subList(1, events.size() - 1).stream().allMatch(e -> e.startsWith("received 1 ")), events::toString);
        assertTrue(events.size() >= 3, "at least one read: " + events);
    }

    @ParameterizedTest
    @MethodSource("styles")
    void refusedConnectionIsOneLineWhileTheOtherPoemsArrive(String name) throws Exception {
        byte[] a = TestPoems.poem("a", 3);
        byte[] c = TestPoems.poem("c", 3);
        Address refusing = TestPoems.refusingAddress();
        try (var s1 = TestServers.slow(a, 10, Duration.ofMillis(1));
                var s3 = TestServers.slow(c, 10, Duration.ofMillis(1))) {
            List<TaskOutcome> outcomes = ClientStyles.find(name).fetch(List.of(TestServers.address(s1), refusing, TestServers.address(s3)), run);

            assertArrayEquals(a, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(0)).poem());
            var failed = assertInstanceOf(TaskOutcome.Failed.class, outcomes.get(1));
            assertArrayEquals(c, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(2)).poem());

            String expected = "failed to connect to " + refusing + ": Connection refused";
            assertEquals(expected, failed.reason());
            assertEquals(1, lines().stream().filter(l -> l.contains("Task 2: failed")).count(), lines()::toString);
            assertTrue(lines().contains("Task 2: " + expected), lines()::toString);
            assertTrue(lines().stream().noneMatch(l -> l.contains("Exception") || l.startsWith("\tat ")), lines()::toString);
            assertEquals(List.of("started 2 " + refusing, "failed 2 " + expected), listener.events(2));
        }
    }

    @ParameterizedTest
    @MethodSource("styles")
    void brokenConnectionIsOneLineReportingTheBytesThatArrived(String name) throws Exception {
        byte[] poem = TestPoems.poem("broken", 10);
        CountDownLatch readThemAll = new CountDownLatch(1);
        AtomicLong got = new AtomicLong();
        ClientRun resetting = run.withListener(listener.andThen(new TaskListener() {
            @Override
            public void received(int task, int bytes) {
                if (got.addAndGet(bytes) >= 20) {
                    readThemAll.countDown();
                }
            }
        }));
        try (var server = FixtureServer.breaking(poem, 20, readThemAll)) {
            List<TaskOutcome> outcomes = ClientStyles.find(name).fetch(List.of(server.address()), resetting);

            var failed = assertInstanceOf(TaskOutcome.Failed.class, outcomes.getFirst());
            String expected = "lost connection to " + server.address() + " after 20 bytes: Connection reset";
            assertEquals(expected, failed.reason());
            assertArrayEquals(java.util.Arrays.copyOf(poem, 20), failed.partial());
            assertTrue(lines().contains("Task 1: " + expected), lines()::toString);
            assertEquals(1, lines().stream().filter(l -> l.contains("lost connection")).count(), lines()::toString);
        }
    }
}
