package org.slowpoetry.defer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Generators (Part 17's gen-1 to gen-4) on a virtual thread. */
@Timeout(20)
class GeneratorTest {
    private final List<String> log = new ArrayList<>();

    private Generator<Integer> myGenerator() {
        return Generator.of(y -> {
            log.add("starting up");
            y.yield(1);
            log.add("workin'");
            y.yield(2);
            log.add("still workin'");
            y.yield(3);
            log.add("done");
        });
    }

    @Test
    void theBodyRunsLazilyInterleavedWithTheConsumer() {
        // gen-1
        try (Generator<Integer> gen = myGenerator()) {
            assertTrue(log.isEmpty(), "nothing runs before the first value is asked for");
            for (int n : gen) {
                log.add(String.valueOf(n));
            }
        }
        assertEquals(List.of("starting up", "1", "workin'", "2", "still workin'", "3", "done"), log);
    }

    @Test
    void nextRunsToTheNextYieldAndThenThrowsNoSuchElement() {
        // gen-2: the while loop with an explicit next() and StopIteration
        Generator<Integer> gen = myGenerator();
        assertEquals(1, gen.next());
        assertEquals(2, gen.next());
        assertEquals(3, gen.next());
        assertThrows(NoSuchElementException.class, gen::next);
        assertEquals("done", log.getLast());
    }

    @Test
    void twoGeneratorsInterleave() {
        // gen-3
        try (Generator<String> a = letters("a"); Generator<String> b = letters("b")) {
            List<String> seen = new ArrayList<>();
            while (a.hasNext() || b.hasNext()) {
                if (a.hasNext()) {
                    seen.add(a.next());
                }
                if (b.hasNext()) {
                    seen.add(b.next());
                }
            }
            assertEquals(List.of("a1", "b1", "a2", "b2"), seen);
        }
    }

    private static Generator<String> letters(String prefix) {
        return Generator.of(y -> {
            y.yield(prefix + 1);
            y.yield(prefix + 2);
        });
    }

    @Test
    void sendDeliversAValueToThePendingYield() {
        // gen-4, first half
        Generator<Integer> gen = Generator.of(y -> {
            log.add("starting up");
            Object val = y.yield(1);
            log.add("got: " + val);
            val = y.yield(2);
            log.add("got: " + val);
            y.yield(3);
        });
        assertEquals(1, gen.next());
        assertEquals(2, gen.send(10));
        assertEquals(3, gen.send(20));
        assertEquals(List.of("starting up", "got: 10", "got: 20"), log);
        gen.close();
    }

    @Test
    void throwIntoRaisesAtThePendingYieldWhereTheBodyCanCatchIt() {
        // gen-4, second half: the Malfunction
        class Malfunction extends Exception {
        }
        Generator<Integer> gen = Generator.of(y -> {
            y.yield(1);
            try {
                y.yield(3);
            } catch (Malfunction e) {
                log.add("malfunction!");
            }
            y.yield(4);
            log.add("done");
        });
        assertEquals(1, gen.next());
        assertEquals(3, gen.next());
        assertEquals(4, gen.throwInto(new Malfunction()));
        assertThrows(NoSuchElementException.class, gen::next);
        assertEquals(List.of("malfunction!", "done"), log);
    }

    @Test
    void anUncaughtThrownInExceptionComesBackOut() {
        Generator<Integer> gen = Generator.of(y -> y.yield(1));
        gen.next();
        IllegalStateException error = new IllegalStateException("not caught");
        assertSame(error, assertThrows(IllegalStateException.class, () -> gen.throwInto(error)));
        assertFalse(gen.hasNext());
    }

    @Test
    void throwingIntoAGeneratorThatHasNotStartedJustThrowsAndEndsIt() {
        Generator<Integer> gen = Generator.of(y -> log.add("ran"));
        assertThrows(IllegalStateException.class, () -> gen.throwInto(new IllegalStateException()));
        assertFalse(gen.hasNext());
        assertTrue(log.isEmpty());
    }

    @Test
    void anUncheckedExceptionFromTheBodyComesOutOfNext() {
        Generator<Integer> gen = Generator.of(y -> {
            y.yield(1);
            throw new IllegalArgumentException("bug");
        });
        assertEquals(1, gen.next());
        assertTrue(gen.hasNext(), "the exception is the next thing the generator has");
        assertEquals("bug", assertThrows(IllegalArgumentException.class, gen::next).getMessage());
        assertFalse(gen.hasNext());
    }

    @Test
    void aCheckedExceptionFromTheBodyComesOutCarriedByAFailureException() {
        IOException error = new IOException("disk");
        Generator<Integer> gen = Generator.of(y -> {
            throw error;
        });
        assertSame(error, assertThrows(FailureException.class, gen::next).failure().value());
    }

    @Test
    void closeEndsASuspendedBodyAndItsThread() {
        Generator<Integer> gen = Generator.of(y -> {
            try {
                y.yield(1);
                y.yield(2);
            } catch (Exception e) {
                log.add("ordinary catch must not see the close signal");
            } finally {
                log.add("finally ran");
            }
        });
        assertEquals(1, gen.next());
        Thread body = gen.thread();
        assertTrue(body.isAlive());
        gen.close();
        assertEquals(List.of("finally ran"), log);
        await().atMost(Duration.ofSeconds(10)).until(() -> !body.isAlive());
        assertFalse(gen.hasNext());
    }

    @Test
    void closingAGeneratorThatNeverStartedNeverStartsItsThread() {
        Generator<Integer> gen = Generator.of(y -> log.add("ran"));
        gen.close();
        assertFalse(gen.hasNext());
        assertEquals(Thread.State.NEW, gen.thread().getState());
        assertTrue(log.isEmpty());
    }

    @Test
    void closingAFinishedGeneratorDoesNothing() {
        Generator<Integer> gen = Generator.of(y -> y.yield(1));
        gen.forEachRemaining(n -> { });
        gen.close();
        assertFalse(gen.hasNext());
    }

    @Test
    void aBodyThatIgnoresCloseIsReported() {
        Generator<Integer> gen = Generator.of(y -> {
            while (true) {
                try {
                    y.yield(1);
                } catch (IllegalStateException stop) {
                    return;
                } catch (Throwable stubborn) {
                    log.add("ignored " + stubborn.getClass().getSimpleName());
                }
            }
        });
        gen.next();
        assertThrows(IllegalStateException.class, gen::close);
        assertEquals(List.of("ignored GeneratorExit"), log);
        assertThrows(NoSuchElementException.class, () -> gen.throwInto(new IllegalStateException("stop")));
        await().atMost(Duration.ofSeconds(10)).until(() -> !gen.thread().isAlive());
    }

    @Test
    void sendingAValueToAJustStartedGeneratorIsRefused() {
        Generator<Integer> gen = Generator.of(y -> y.yield(1));
        assertThrows(IllegalStateException.class, () -> gen.send("too early"));
        assertEquals(1, gen.send(null));
    }

    @Test
    void sendAfterHasNextPeekedIsRefused() {
        Generator<Integer> gen = Generator.of(y -> {
            y.yield(1);
            y.yield(2);
        });
        assertTrue(gen.hasNext());
        assertThrows(IllegalStateException.class, () -> gen.send(null));
        assertEquals(1, gen.next());
        assertEquals(2, gen.send(null));
    }

    @Test
    void hasNextCanBeAskedAgainWithoutLosingAValue() {
        Generator<Integer> gen = Generator.of(y -> y.yield(7));
        assertTrue(gen.hasNext());
        assertTrue(gen.hasNext());
        assertEquals(7, gen.next());
        assertFalse(gen.hasNext());
    }

    @Test
    void yieldOutsideTheBodyIsRefused() {
        AtomicReference<Yielder<Integer>> leaked = new AtomicReference<>();
        Generator<Integer> gen = Generator.of(y -> {
            leaked.set(y);
            y.yield(1);
        });
        gen.next();
        assertThrows(IllegalStateException.class, () -> leaked.get().yield(2));
        gen.close();
    }

    @Test
    void aBodyCannotResumeItsOwnGenerator() {
        Generator<?>[] self = new Generator<?>[1];
        Generator<Object> gen = Generator.of(y -> {
            try {
                self[0].next();
            } catch (IllegalStateException e) {
                y.yield(e.getMessage());
            }
        });
        self[0] = gen;
        assertEquals("generator already executing", gen.next());
        gen.close();
    }

    @Test
    void yieldReturnsNullWhenResumedByNext() {
        Generator<Integer> gen = Generator.of(y -> {
            Object sent = y.yield(1);
            log.add(String.valueOf(sent));
        });
        gen.next();
        assertFalse(gen.hasNext());
        assertEquals(List.of("null"), log);
    }

    @Test
    void theBodyRunsOnAVirtualThread() {
        Generator<Thread> gen = Generator.of(y -> y.yield(Thread.currentThread()));
        Thread body = gen.next();
        assertTrue(body.isVirtual());
        assertSame(gen.thread(), body);
        gen.close();
    }

    @Test
    void aGeneratorIsItsOwnIterator() {
        Generator<Integer> gen = Generator.of(y -> y.yield(1));
        assertSame(gen, gen.iterator());
        assertInstanceOf(AutoCloseable.class, gen);
        gen.close();
    }
}
