package org.slowpoetry.clients.tour.loom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.StructuredTaskScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.trial.LeakCheck;

/** The rules the gen twins rely on: strict turns, messages each way, and no thread left behind. */
@ExtendWith(LeakCheck.class)
@Timeout(10)
class GHandoffTest {

    @Test
    void theBodyRunsOnlyWhileTheConsumerWaitsForItsNextStep() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        try (var scope = StructuredTaskScope.open()) {
            GHandoff<Integer> gen = GHandoff.fork(scope, y -> {
                events.add("body starts");
                y.yield(1);
                events.add("body resumed");
            });
            events.add("consumer asks");
            assertEquals(new GHandoff.Yielded<>(1), gen.next());
            events.add("consumer got 1");
            assertEquals(new GHandoff.Returned<Integer>(), gen.next());
            scope.join();
        }
        assertEquals(List.of("consumer asks", "body starts", "consumer got 1", "body resumed"), events);
    }

    @Test
    void sendIsWhatTheYieldReturnsAndThrowIntoIsWhatItThrows() throws Exception {
        List<Object> got = new CopyOnWriteArrayList<>();
        var thrown = new Exception("thrown in");
        try (var scope = StructuredTaskScope.open()) {
            GHandoff<Integer> gen = GHandoff.fork(scope, y -> {
                got.add(y.yield(1));
                try {
                    y.yield(2);
                } catch (Exception e) {
                    got.add(e);
                }
            });
            gen.next();
            assertEquals(new GHandoff.Yielded<>(2), gen.send("sent"));
            assertEquals(new GHandoff.Returned<Integer>(), gen.throwInto(thrown));
            scope.join();
        }
        assertEquals(List.of("sent", thrown), got);
    }

    @Test
    void anExceptionTheBodyLetsEscapeComesOutOfTheCallThatResumedItAsItIs() throws Exception {
        var escaped = new Exception("escaped");
        try (var scope = StructuredTaskScope.open()) {
            GHandoff<Integer> gen = GHandoff.fork(scope, y -> {
                throw escaped;
            });
            assertSame(escaped, assertThrows(Exception.class, gen::next));
            assertEquals(new GHandoff.Returned<Integer>(), gen.next(), "an ended generator stays ended");
            scope.join();
        }
    }

    @Test
    void anExceptionThrownInBeforeTheFirstStepEndsTheGeneratorWithoutRunningTheBody() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        var early = new Exception("early");
        try (var scope = StructuredTaskScope.open()) {
            GHandoff<Integer> gen = GHandoff.fork(scope, y -> {
                events.add("body ran");
            });
            assertSame(early, assertThrows(Exception.class, () -> gen.throwInto(early)));
            scope.join();
        }
        assertEquals(List.of(), events);
    }

    @Test
    void aValueCannotBeSentBeforeTheBodyStarted() throws Exception {
        try (var scope = StructuredTaskScope.open()) {
            GHandoff<Integer> gen = GHandoff.fork(scope, y -> y.yield(1));
            assertThrows(IllegalStateException.class, () -> gen.send("too soon"));
            gen.next();
            gen.next();
            scope.join();
        }
    }

    @Test
    void leavingTheScopeEarlyInterruptsTheBodyParkedAtItsYield() {
        List<String> events = new CopyOnWriteArrayList<>();
        var consumerFailed = new IllegalStateException("the consumer gives up");
        var thrown = assertThrows(IllegalStateException.class, () -> {
            try (var scope = StructuredTaskScope.open()) {
                GHandoff<Integer> gen = GHandoff.fork(scope, y -> {
                    try {
                        y.yield(1);
                    } catch (InterruptedException e) {
                        events.add("interrupted at yield");
                        throw e;
                    }
                });
                gen.next();
                throw consumerFailed;
            }
        });
        assertSame(consumerFailed, thrown);
        assertEquals(List.of("interrupted at yield"), events); // close() waited for the body's thread
    }
}
