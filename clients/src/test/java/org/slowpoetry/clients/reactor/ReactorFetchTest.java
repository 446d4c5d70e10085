package org.slowpoetry.clients.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.clients.GetOptions;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.reactor.ReactorState;
import org.slowpoetry.trial.LeakCheck;

/** The frame of every reactor client: who runs what, when the reactor stops, and what is left open. */
@ExtendWith(LeakCheck.class)
@Timeout(20)
class ReactorFetchTest {
    private final List<Address> two = List.of(Address.parse("1"), Address.parse("2"));

    @BeforeAll
    static void warmUp() {
        ReactorTesting.warmUp();
    }

    @Test
    void stoppingBeforeTheReactorRunsStopsItAsSoonAsItStarts() throws Exception {
        List<TaskOutcome> outcomes = ReactorFetch.run(two, ReactorTesting.capture(GetOptions.defaults()).run(), fetch -> {
            for (PoemTask task : fetch.tasks()) {
                task.start();
                task.failed(new FetchFailure.NoPoem(task.address()), new byte[0]);
            }
            assertTrue(fetch.allOver());
            fetch.stopReactor(); // the reactor is NEW: it stops when it starts
        });
        assertEquals(List.of(new FetchFailure.NoPoem(two.get(0)), new FetchFailure.NoPoem(two.get(1))),
                outcomes.stream().map(o -> assertInstanceOf(TaskOutcome.Failed.class, o).failure()).toList());
    }

    @Test
    void stoppingTwiceAndDuringTheTeardownIsHarmless() throws Exception {
        AtomicReference<ReactorState> seen = new AtomicReference<>();
        ReactorFetch.run(List.of(Address.parse("1")), ReactorTesting.capture(GetOptions.defaults()).run(), fetch -> {
            PoemTask task = fetch.tasks().getFirst();
            task.start();
            fetch.reactor().callWhenRunning(() -> {
                task.failed(new FetchFailure.NoPoem(task.address()), new byte[0]);
                fetch.stopReactor();
                fetch.stopReactor();
                seen.set(fetch.reactor().state());
            });
        });
        assertEquals(ReactorState.STOPPING, seen.get());
    }

    @Test
    void aTaskLeftUnendedWhenTheReactorStopsIsAClientBug() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> ReactorFetch.run(two, ReactorTesting.capture(GetOptions.defaults()).run(), ReactorFetch::stopReactor));
        assertTrue(thrown.getMessage().contains("task 1"), thrown.getMessage());
    }

    @Test
    void aClientThatFailsToStartLeavesNothingOpen() {
        IOException failure = new IOException("cannot start");
        IOException thrown = assertInstanceOf(IOException.class, assertThrows(RuntimeException.class,
                () -> ReactorFetch.run(two, ReactorTesting.capture(GetOptions.defaults()).run(), fetch -> {
                    throw failure;
                })).getCause());
        assertSame(failure, thrown);
    }
}
