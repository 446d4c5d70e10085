package org.slowpoetry.clients.reactor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.clients.ClientStyles;
import org.slowpoetry.clients.GetOptions;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.reactor.ReactorTesting.Captured;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.trial.LeakCheck;

/** Part 4's broken client: a doRead that blocks turns the reactor into a blocking client. */
@ExtendWith(LeakCheck.class)
@Timeout(20)
class BrokenClientTest {

    @BeforeAll
    static void warmUp() {
        ReactorTesting.warmUp();
    }

    @Test
    void aBlockingDoReadReadsOnePoemAfterAnotherNeverInterleaved() throws Exception {
        // three poems of 12 sends each, sent at the same time: a reactor that cooperates would
        // interleave their reads; the broken one reads each to its end before the next
        byte[] a = ReactorTesting.poem("a", 3);
        byte[] b = ReactorTesting.poem("b", 3);
        byte[] c = ReactorTesting.poem("c", 3);
        Duration pace = Duration.ofMillis(5);
        Captured captured = ReactorTesting.capture(GetOptions.defaults());
        try (var s1 = ReactorTesting.server("loom", a, 10, pace);
                var s2 = ReactorTesting.server("loom", b, 10, pace);
                var s3 = ReactorTesting.server("loom", c, 10, pace)) {
            List<Address> addresses = List.of(ReactorTesting.address(s1), ReactorTesting.address(s2),
                    ReactorTesting.address(s3));
            List<TaskOutcome> outcomes = ClientStyles.find("reactor-broken").fetch(addresses, captured.run());

            List<String> readsBy = readingTasks(captured.events().events());
            assertEquals(3, readsBy.size(), "each task's reads in one unbroken run: " + captured.events().events());
            assertEquals(List.of("1", "2", "3"), readsBy.stream().sorted().toList());

            List<String> gotLines = captured.out().stream().filter(l -> l.contains(": got ")).toList();
            assertEquals(3, gotLines.size(), "one line per poem, all of it: " + captured.out());
            for (int task = 1; task <= 3; task++) {
                byte[] served = List.of(a, b, c).get(task - 1);
                assertTrue(gotLines.contains("Task " + task + ": got " + served.length + " bytes of poetry from "
                        + addresses.get(task - 1)), gotLines::toString);
                assertArrayEquals(served, assertInstanceOf(TaskOutcome.Fetched.class, outcomes.get(task - 1)).poem());
            }
            assertEquals(List.of("Task 1: " + a.length + " bytes of poetry", "Task 2: " + b.length + " bytes of poetry",
                    "Task 3: " + c.length + " bytes of poetry"), captured.out().subList(3, 6));
            assertEquals(6, captured.out().size(), "no 'Task N finished' line: " + captured.out());
        }
    }

    /** The task of each run of consecutive reads: ["2", "1", "3"] when no reads interleave. */
    private static List<String> readingTasks(List<String> events) {
        List<String> runs = new ArrayList<>();
        for (String event : events) {
            if (event.startsWith("received ")) {
                String task = event.split(" ")[1];
                if (runs.isEmpty() || !runs.getLast().equals(task)) {
                    runs.add(task);
                }
            }
        }
        return runs;
    }
}
