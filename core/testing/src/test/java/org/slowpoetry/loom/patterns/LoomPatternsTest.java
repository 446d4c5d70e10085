package org.slowpoetry.loom.patterns;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.FutureTask;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.StructuredTaskScope.Subtask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.loom.ChildSpec;
import org.slowpoetry.loom.Mailbox;
import org.slowpoetry.loom.Outcome;
import org.slowpoetry.loom.Restart;
import org.slowpoetry.loom.Scopes;
import org.slowpoetry.loom.Supervisor;
import org.slowpoetry.loom.TaskContext;
import org.slowpoetry.time.ManualClock;
import org.slowpoetry.time.MonotonicClock;
import org.slowpoetry.trial.LeakCheck;

/**
 * The rows of {@code core/loom-patterns.md}, run: each test holds one row's Loom form between
 * {@code // guide:begin NAME} and {@code // guide:end}, the very lines the guide prints
 * ({@link LoomPatternsGuideTest} checks that they match), and asserts what the row promises.
 *
 * <p>Time is a {@link ManualClock} wherever a snippet waits; the one real-time wait is the scope
 * timeout of {@code addTimeout}, which the JDK measures itself, and even there only the outcome is
 * asserted. Every test leaves no thread or socket behind ({@link LeakCheck}).
 */
@ExtendWith(LeakCheck.class)
class LoomPatternsTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private final ManualClock clock = new ManualClock();
    /** How many {@link #slowPoem} calls were interrupted. Written by the snippets' threads, read by the test. */
    private final AtomicInteger interruptedSleeps = new AtomicInteger();
    /** How many {@link #fetch} calls were made. Written by the snippets' threads, read by the test. */
    private final AtomicInteger fetches = new AtomicInteger();

    /* ---- the stand-ins the snippets call ---- */

    /** A download that answers at once: "poem NAME", or an IOException for "bad". */
    private String fetch(String name) throws IOException {
        fetches.incrementAndGet();
        if (name.equals("bad")) {
            throw new IOException("no poem called bad");
        }
        return "poem " + name;
    }

    /** A download that takes a second on the test's clock, and counts being interrupted. */
    private String slowPoem(MonotonicClock clock) throws InterruptedException {
        try {
            clock.sleep(SECOND);
            return "a slow poem";
        } catch (InterruptedException e) {
            interruptedSleeps.incrementAndGet();
            throw e;
        }
    }

    /** A transform service: "upper" shouts, anything else fails. */
    private static String transform(String name, String poem) throws IOException {
        if (!name.equals("upper")) {
            throw new IOException("no transform called " + name);
        }
        return poem.toUpperCase(java.util.Locale.ROOT);
    }

    /** Reads (and drops) until the peer has gone: end of stream, a reset, or closed by an interrupt. */
    private static String awaitHangUp(Socket client) {
        try {
            client.getInputStream().transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // a broken connection is a client gone too
        }
        return "client left";
    }

    /** Advances {@code clock} by {@code by} once {@code sleepers} threads sleep on it, from a thread of its own. */
    private static Thread advanceWhenAsleep(ManualClock clock, int sleepers, Duration by) {
        return Thread.ofVirtual().name("advancer").start(() -> {
            await().atMost(Duration.ofSeconds(10)).until(() -> clock.sleepers() == sleepers);
            clock.advance(by);
        });
    }

    /* ---- Part 3: the reactor's timers ---- */

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void callLaterIsASleepingVirtualThread() throws InterruptedException {
        List<String> fired = new CopyOnWriteArrayList<>();
        // guide:begin callLater
        Thread later = Thread.ofVirtual().start(() -> {   // reactor.callLater(1, f)
            try {
                clock.sleep(Duration.ofSeconds(1));
                fired.add("fired");                       // f()
            } catch (InterruptedException e) {
                fired.add("cancelled");                   // the DelayedCall was cancelled
            }
        });
        // guide:end
        await().atMost(Duration.ofSeconds(5)).until(() -> clock.sleepers() == 1);
        assertEquals(List.of(), fired, "nothing may fire before its time");
        clock.advance(SECOND);
        later.join();
        assertEquals(List.of("fired"), fired);

        Thread cancelled = Thread.ofVirtual().start(() -> {
            try {
                clock.sleep(SECOND);
                fired.add("fired");
            } catch (InterruptedException e) {
                fired.add("cancelled");
            }
        });
        cancelled.interrupt(); // delayedCall.cancel()
        cancelled.join();
        assertEquals(List.of("fired", "cancelled"), fired);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void loopingCallIsALoopThatSleepsToTheNextDeadline() throws InterruptedException {
        List<Long> ticks = new CopyOnWriteArrayList<>();
        // guide:begin LoopingCall
        Duration period = Duration.ofSeconds(1);
        Thread looping = Thread.ofVirtual().start(() -> {    // LoopingCall(f).start(1)
            long next = clock.nanoTime();
            try {
                while (true) {
                    ticks.add(clock.nanoTime());               // f()
                    next += period.toNanos();                  // from the schedule, not from now:
                    clock.sleep(Duration.ofNanos(next - clock.nanoTime())); // no drift
                }
            } catch (InterruptedException e) {
                // loop.stop()
            }
        });
        // guide:end
        for (int tick = 1; tick <= 3; tick++) {
            int expected = tick;
            await().atMost(Duration.ofSeconds(5)).until(() -> ticks.size() == expected && clock.sleepers() == 1);
            clock.advance(period);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> ticks.size() == 4);
        looping.interrupt();
        looping.join();
        assertEquals(List.of(0L, SECOND.toNanos(), 2 * SECOND.toNanos(), 3 * SECOND.toNanos()), ticks,
                "one tick per period, on the schedule");
    }

    /* ---- Parts 6 to 10: Deferreds, callbacks, Failures ---- */

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void deferredIsAForkedSubtask() throws InterruptedException {
        Thread advancer = advanceWhenAsleep(clock, 1, SECOND);
        // guide:begin Deferred
        Subtask<String> poem;
        try (var scope = StructuredTaskScope.open()) {
            poem = scope.fork(() -> slowPoem(clock));   // a result that is not there yet
            // ... the owner is free to do other work here ...
            scope.join();                               // wait for it: no callback to register
        }
        String text = poem.get();                       // the "result" the Deferred would fire with
        // guide:end
        advancer.join();
        assertEquals("a slow poem", text);
        assertEquals(Subtask.State.SUCCESS, poem.state());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void callbackAndErrbackAreTheNextLineAndTheCatch() {
        List<String> lines = new ArrayList<>();
        for (String name : List.of("ok", "bad")) {
            // guide:begin callback/errback
            String line;
            try {
                line = "got " + fetch(name);            // the callback: the next line
            } catch (IOException e) {
                line = "failed: " + e.getMessage();     // the errback: the catch
            }
            // guide:end
            lines.add(line);
        }
        assertEquals(List.of("got poem ok", "failed: no poem called bad"), lines);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void failureIsTheExceptionOrAnOutcomeValue() {
        String name = "bad";
        // guide:begin Failure
        Outcome<String> outcome;
        try {
            outcome = new Outcome.Success<>(fetch(name));
        } catch (IOException e) {
            outcome = new Outcome.Failure<>(e);         // the error as a value, stack trace and all
        }
        String shown = switch (outcome) {               // the compiler makes you handle both
            case Outcome.Success<String>(String poem) -> poem;
            case Outcome.Failure<String>(Throwable why) -> "failed: " + why.getMessage();
        };
        // guide:end
        assertEquals("failed: no poem called bad", shown);
        Throwable kept = ((Outcome.Failure<String>) outcome).cause();
        assertTrue(kept.getStackTrace().length > 0, "the exception keeps the stack of its throw");
        assertEquals("fetch", kept.getStackTrace()[0].getMethodName());
    }

    /* ---- Part 18: Deferreds en masse ---- */

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void deferredListIsForEachInOrderWithAnOutcomePerTask() throws InterruptedException {
        // guide:begin DeferredList
        List<Outcome<String>> outcomes = Scopes.forEachInOrder(List.of("a", "bad", "c"), name -> fetch(name));
        // in the order given, whatever order they finished in; a failure is one outcome among others
        // guide:end
        assertEquals(new Outcome.Success<>("poem a"), outcomes.get(0));
        assertInstanceOf(IOException.class, assertInstanceOf(Outcome.Failure.class, outcomes.get(1)).cause());
        assertEquals(new Outcome.Success<>("poem c"), outcomes.get(2));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void deferredListWithFireOnOneCallbackIsAnySuccessfulJoiner() throws InterruptedException {
        // guide:begin fireOnOneCallback
        String first;
        try (var scope = StructuredTaskScope.open(Joiner.<String>anySuccessfulResultOrThrow())) {
            scope.fork(() -> fetch("bad"));             // a failure does not end the wait
            scope.fork(() -> slowPoem(clock));          // still running when a result comes: interrupted
            scope.fork(() -> fetch("fast"));
            first = scope.join();                       // the first result; the others are cancelled
        }
        // guide:end
        assertEquals("poem fast", first);
        assertEquals(1, interruptedSleeps.get(), "the loser was cancelled, and ended before close() returned");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void deferredListWithFireOnOneErrbackIsAwaitAllSuccessfulOrThrowJoiner() throws InterruptedException {
        // guide:begin fireOnOneErrback
        Throwable firstError;
        try (var scope = StructuredTaskScope.open(Joiner.<String>awaitAllSuccessfulOrThrow())) {
            scope.fork(() -> slowPoem(clock));          // still running when one fails: interrupted
            scope.fork(() -> fetch("bad"));
            scope.join();
            firstError = null;
        } catch (StructuredTaskScope.FailedException e) {
            firstError = e.getCause();                  // FirstError.subFailure
        }
        // guide:end
        assertInstanceOf(IOException.class, firstError);
        assertEquals("no poem called bad", firstError.getMessage());
        assertEquals(1, interruptedSleeps.get(), "the other task was cancelled");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void consumeErrorsIsTheDefaultAndAFailureIsSilentUnlessYouLook() throws InterruptedException {
        // guide:begin consumeErrors
        boolean failed;
        try (var scope = StructuredTaskScope.open(Joiner.<String>awaitAll())) {
            Subtask<String> bad = scope.fork(() -> fetch("bad"));
            scope.join();                               // does not throw, and nothing is logged:
            failed = bad.state() == Subtask.State.FAILED; // the failure is seen only if you look
        }
        // guide:end
        assertTrue(failed);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void gatherResultsIsAllSuccessfulOrThrowJoiner() throws InterruptedException {
        // guide:begin gatherResults
        List<String> poems;
        try (var scope = StructuredTaskScope.open(Joiner.<String>allSuccessfulOrThrow())) {
            for (String name : List.of("a", "b", "c")) {
                scope.fork(() -> fetch(name));
            }
            poems = scope.join().map(Subtask::get).toList(); // in fork order; any failure throws
        }
        // guide:end
        assertEquals(List.of("poem a", "poem b", "poem c"), poems);
    }

    /* ---- Part 19: cancellation and timeouts ---- */

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void cancelIsAnInterruptAndTheCancellerIsTheCatch() throws InterruptedException {
        List<String> outcome = new CopyOnWriteArrayList<>();
        // guide:begin cancel
        Thread download = Thread.ofVirtual().start(() -> {
            try {
                outcome.add(slowPoem(clock));           // blocked, like a read from a slow server
            } catch (InterruptedException e) {
                outcome.add("cancelled");               // the canceller: stop, let go of resources
            }
        });
        download.interrupt();                           // d.cancel()
        download.join();
        // guide:end
        assertEquals(List.of("cancelled"), outcome);
        assertEquals(1, interruptedSleeps.get());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void addTimeoutIsAScopeTimeout() throws InterruptedException {
        // guide:begin addTimeout
        String poem;
        try (var scope = StructuredTaskScope.open(Joiner.<String>anySuccessfulResultOrThrow(),
                config -> config.withTimeout(Duration.ofMillis(50)))) {   // d.addTimeout(0.05, reactor)
            scope.fork(() -> slowPoem(clock));          // never done: this clock never moves
            poem = scope.join();
        } catch (StructuredTaskScope.TimeoutException e) {
            poem = "timed out";                         // the subtask was interrupted, and has ended
        }
        // guide:end
        assertEquals("timed out", poem);
        assertEquals(1, interruptedSleeps.get(), "the timeout cancelled the work, not just the wait");
    }

    /* ---- Parts 17 and 14: inline callbacks, succeed and maybeDeferred ---- */

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void inlineCallbacksAreJustCodeOnAVirtualThread() throws Exception {
        String transformName = "upper";
        // guide:begin inlineCallbacks
        String poem = fetch("a");                       // poem = yield get_poetry(host, port)
        String shown;
        try {
            shown = transform(transformName, poem);     // poem = yield proxy.xform(...)
        } catch (IOException e) {
            shown = poem;                               // except: print 'Cummingsify failed!'
        }
        // guide:end
        assertEquals("POEM A", shown);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void succeedAndMaybeDeferredNeedNoWrapper() throws IOException {
        Map<String, String> cache = new ConcurrentHashMap<>();
        List<String> got = new ArrayList<>();
        for (int request = 0; request < 2; request++) {
            String name = "a";
            // guide:begin succeed/maybeDeferred
            String poem = cache.get(name);              // succeed(poem): already here, no waiting
            if (poem == null) {
                poem = fetch(name);                     // or a download: the same call shape, it blocks
                cache.put(name, poem);
            }
            // guide:end
            got.add(poem);
        }
        assertEquals(List.of("poem a", "poem a"), got);
        assertEquals(1, fetches.get(), "the second request was answered from the cache");
    }

    /* ---- Parts 14 and 19: the proxy's patterns ---- */

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void cancelOnDisconnectIsASiblingThatWatchesForTheHangUp() throws Exception {
        try (var listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                var peer = new Socket(listener.getInetAddress(), listener.getLocalPort());
                var client = listener.accept()) {
            peer.close(); // the client hangs up while its poem is still being fetched
            // guide:begin cancel-on-disconnect
            try (var scope = StructuredTaskScope.open(Joiner.<String>allUntil(done -> true))) {
                scope.fork(() -> slowPoem(clock));      // deliver: wait for the poem, then send it
                scope.fork(() -> awaitHangUp(client));  // read until the client has gone
                scope.join();                           // the first to finish ends the scope,
            }                                           // which interrupts the other
            // guide:end
        }
        assertEquals(1, interruptedSleeps.get(), "the fetch was cancelled when the client left");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void singleFlightIsOneFutureTaskThatEveryCallerWaitsFor() throws Exception {
        Map<String, FutureTask<String>> inFlight = new ConcurrentHashMap<>();
        List<String> poems = new CopyOnWriteArrayList<>();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            callers.add(Thread.ofVirtual().start(() -> {
                try {
                    // guide:begin single flight
                    FutureTask<String> mine = new FutureTask<>(() -> slowPoem(clock));
                    FutureTask<String> flight = inFlight.putIfAbsent("poem", mine);
                    if (flight == null) {
                        flight = mine;
                        flight.run();                   // the first caller downloads, on its own thread
                    }
                    String poem = flight.get();         // every other caller waits for that download
                    // guide:end
                    poems.add(poem);
                } catch (Exception e) {
                    poems.add("failed: " + e);
                }
            }));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> clock.sleepers() == 1
                && callers.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
        clock.advance(SECOND);
        for (Thread caller : callers) {
            caller.join();
        }
        assertEquals(java.util.Collections.nCopies(8, "a slow poem"), poems);
        assertEquals(1, inFlight.size());
    }

    /* ---- Part 20: the supervisor ---- */

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void supervisorRestartsACrashedChild() throws InterruptedException {
        AtomicInteger starts = new AtomicInteger();
        Mailbox<String> up = new Mailbox<>();
        // guide:begin supervisor
        var worker = ChildSpec.<Object>of("worker", Restart.PERMANENT, self -> {
            if (starts.incrementAndGet() < 3) {
                throw new IllegalStateException("crash number " + starts.get()); // let it crash
            }
            up.send("up");                              // the third incarnation stays up
            self.mailbox().receive();
        });
        Supervisor supervisor = Supervisor.builder("poetry").intensity(5, Duration.ofSeconds(10))
                .clock(clock).child(worker).start();
        try (supervisor) {
            up.receive();                               // wait until a worker stays up
        }                                               // close(): children stopped, newest first
        // guide:end
        assertEquals(3, starts.get());
        assertEquals(2, supervisor.restarts(), "one restart per crash");
        assertEquals(Supervisor.State.STOPPED, supervisor.state());
    }

    /* ---- threads and flow ---- */

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void callFromThreadIsAMessageToTheOwner() throws InterruptedException {
        List<String> ranOn = new ArrayList<>();        // touched by the owner (this thread) only
        // guide:begin callFromThread
        Mailbox<Runnable> owner = new Mailbox<>();      // the owner's queue of work, like the reactor's
        Thread sender = Thread.ofPlatform().start(() -> // any thread, a platform one included
                owner.send(() -> ranOn.add(Thread.currentThread().getName())));
        owner.receive().run();                          // runs on the owner's thread, in order
        // guide:end
        sender.join();
        assertEquals(List.of(Thread.currentThread().getName()), ranOn);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void backpressureIsABlockingPut() throws InterruptedException {
        List<String> lines = List.of("one", "two", "three", "four", "five");
        // guide:begin backpressure
        BlockingQueue<String> pipe = new ArrayBlockingQueue<>(2);  // at most two lines in flight
        Thread producer = Thread.ofVirtual().start(() -> {
            try {
                for (String line : lines) {
                    pipe.put(line);                     // blocks while the consumer is behind:
                }                                       // pauseProducing / resumeProducing for free
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        // guide:end
        await().atMost(Duration.ofSeconds(5)).until(() -> producer.getState() == Thread.State.WAITING);
        assertEquals(2, pipe.size(), "the producer waits with the pipe full");
        List<String> consumed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            consumed.add(pipe.take());
        }
        producer.join();
        assertEquals(lines, consumed);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void scopedValueIsBoundForTheCallAndInheritedByForks() throws InterruptedException {
        // guide:begin ScopedValue
        String seen = ScopedValue.where(TaskContext.CURRENT, new TaskContext(3, "127.0.0.1:10003")).call(() -> {
            try (var scope = StructuredTaskScope.open()) {
                Subtask<String> child = scope.fork(() -> TaskContext.current() + " " + TaskContext.current().peer());
                scope.join();                           // the fork sees the binding: no copying
                return child.get();
            }
        });
        boolean after = TaskContext.CURRENT.isBound();  // false: it ended with the call
        // guide:end
        assertEquals("Task 3 127.0.0.1:10003", seen);
        assertFalse(after);
        assertFalse(TaskContext.CURRENT.isBound());
    }
}
