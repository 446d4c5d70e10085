package org.slowpoetry.bench.jmh;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.reactor.ReactorThread;

/**
 * The unit of concurrency of each style, made and finished {@value #TASKS} times: a virtual
 * thread forked into a {@link StructuredTaskScope} and joined, against a {@code callLater(0)} run
 * by our {@link Reactor}'s loop. Score: nanoseconds per task.
 *
 * <p><b>Threading:</b> the scope is opened, forked into and joined by the benchmark thread; the
 * reactor's calls are scheduled and run on its own loop thread, and the benchmark thread waits for
 * the last one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-preview")
public class SpawnBench {
    static final int TASKS = 10_000;

    /** The reactor and the thread that runs it, for the whole trial. */
    private ReactorThread loop;

    @Setup(Level.Trial)
    public void startReactor() throws IOException {
        loop = ReactorThread.start(Reactor.open(), "bench-reactor");
    }

    @TearDown(Level.Trial)
    public void stopReactor() {
        loop.close();
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public long virtualThreadsInAScope() throws InterruptedException {
        var done = new LongAdder();
        try (var scope = StructuredTaskScope.open()) {
            for (int i = 0; i < TASKS; i++) {
                scope.fork(done::increment);
            }
            scope.join();
        }
        return done.sum();
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public long reactorCallLaterZero() {
        var allRan = new CompletableFuture<Long>();
        Reactor reactor = loop.reactor();
        reactor.callFromThread(() -> {
            var ran = new long[1]; // loop-thread only
            for (int i = 0; i < TASKS; i++) {
                reactor.callLater(Duration.ZERO, () -> {
                    if (++ran[0] == TASKS) {
                        allRan.complete(ran[0]);
                    }
                });
            }
        });
        return allRan.join();
    }
}
