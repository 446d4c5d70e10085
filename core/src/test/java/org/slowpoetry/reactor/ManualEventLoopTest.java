package org.slowpoetry.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ManualEventLoopTest {
    private final ManualEventLoop loop = new ManualEventLoop();
    private final List<String> log = new ArrayList<>();

    @Test
    void callFromThreadRunsOnTheDrivingThreadAtTheNextAdvance() throws Exception {
        var ranOn = new ArrayList<Thread>();
        Thread t = Thread.ofPlatform().start(() -> loop.callFromThread(() -> ranOn.add(Thread.currentThread())));
        t.join();
        assertEquals(List.of(), ranOn);
        loop.advance(Duration.ZERO);
        assertEquals(List.of(Thread.currentThread()), ranOn);
    }

    @Test
    void callsSeeTheAdvancedTime() {
        var seen = new ArrayList<Long>();
        loop.callLater(Duration.ofSeconds(1), () -> seen.add(loop.clock().nanoTime()));
        loop.advance(Duration.ofSeconds(5));
        assertEquals(List.of(Duration.ofSeconds(5).toNanos()), seen);
    }

    @Test
    void pumpAdvancesStepByStep() {
        var seen = new ArrayList<Long>();
        loop.callLater(Duration.ofSeconds(1), () -> seen.add(loop.clock().nanoTime()));
        loop.callLater(Duration.ofSeconds(2), () -> seen.add(loop.clock().nanoTime()));
        loop.pump(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertEquals(List.of(Duration.ofSeconds(1).toNanos(), Duration.ofSeconds(2).toNanos()), seen);
    }

    @Test
    void aFailingCallDoesNotStopTheNextAndAdvanceReportsIt() {
        var boom = new IllegalStateException("I fall down.");
        loop.callLater(Duration.ofSeconds(1), () -> {
            throw boom;
        });
        loop.callLater(Duration.ofSeconds(1), () -> log.add("But I get up again."));
        var thrown = assertThrows(IllegalStateException.class, () -> loop.advance(Duration.ofSeconds(1)));
        assertSame(boom, thrown);
        assertEquals(List.of("But I get up again."), log);
    }

    @Test
    void laterFailuresAreSuppressedIntoTheFirst() {
        loop.callLater(Duration.ofSeconds(1), () -> {
            throw new IllegalStateException("one");
        });
        loop.callLater(Duration.ofSeconds(1), () -> {
            throw new IllegalArgumentException("two");
        });
        var thrown = assertThrows(IllegalStateException.class, () -> loop.advance(Duration.ofSeconds(1)));
        assertEquals(1, thrown.getSuppressed().length);
        assertEquals("two", thrown.getSuppressed()[0].getMessage());
    }

    @Test
    void advanceCannotBeCalledFromACallItRuns() {
        var inner = new ArrayList<Throwable>();
        loop.callLater(Duration.ofSeconds(1), () -> {
            try {
                loop.advance(Duration.ofSeconds(1));
            } catch (IllegalStateException e) {
                inner.add(e);
            }
        });
        loop.advance(Duration.ofSeconds(1));
        assertEquals(1, inner.size());
    }

    @Test
    void negativeAdvanceIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> loop.advance(Duration.ofSeconds(-1)));
    }
}
