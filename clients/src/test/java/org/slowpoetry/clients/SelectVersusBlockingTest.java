package org.slowpoetry.clients;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.time.MonotonicClock;
import org.slowpoetry.trial.LeakCheck;

/** Part 2's result: waiting on all sockets at once beats waiting on one after another. */
@ExtendWith(LeakCheck.class)
class SelectVersusBlockingTest {

    @Test
    @Timeout(30)
    void selectClientTakesAboutAsLongAsTheSlowestPoemBlockingAsLongAsAllTogether() throws Exception {
        // three poems of 20 sends each: blocking needs about 3 x, select about 1 x
        Duration delay = Duration.ofMillis(10);
        try (var s1 = TestServers.slow(TestPoems.poem("a", 12), 30, delay);
                var s2 = TestServers.slow(TestPoems.poem("b", 4), 10, delay);
                var s3 = TestServers.slow(TestPoems.poem("c", 4), 10, delay)) {
            List<Address> addresses = List.of(TestServers.address(s1), TestServers.address(s2), TestServers.address(s3));
            MonotonicClock clock = MonotonicClock.system();
            PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
            ClientRun run = ClientRun.printingTo(nowhere, nowhere);

            long start = clock.nanoTime();
            ClientStyles.find("blocking").fetch(addresses, run);
            Duration blocking = clock.since(start);
            start = clock.nanoTime();
            ClientStyles.find("select").fetch(addresses, run);
            Duration select = clock.since(start);

            double ratio = (double) blocking.toNanos() / select.toNanos();
            assertTrue(ratio > 1.5, "blocking " + blocking + " / select " + select + " = " + ratio + ", expected about 3");
        }
    }
}
