package org.slowpoetry.bench.jmh;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.slowpoetry.defer.Deferred;

/**
 * A 10-stage callback chain, Twisted's {@link Deferred} against {@link CompletableFuture}: built
 * first and then fired (the usual order: a request goes out, its callbacks wait for the reply),
 * and fired first, each stage then running as it is added. Score: nanoseconds per whole chain.
 *
 * <p><b>Threading:</b> each invocation builds and fires its chain on the benchmark thread, as a
 * reactor does on its loop thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-preview")
public class CallbackChainBench {
    static final int STAGES = 10;

    /**
     * What each chain is fired with: a field JMH's state holds, not a constant, so the JIT cannot
     * fold a chain it has inlined whole into its answer (a fired-then-built Deferred chain, which
     * escapes nowhere, would otherwise be computed at compile time). Benchmark thread only.
     */
    int seed = 0;

    @Benchmark
    public int deferredBuiltThenFired() {
        var first = new Deferred<Integer>();
        Deferred<Integer> chain = first;
        for (int i = 0; i < STAGES; i++) {
            chain = chain.thenApply(x -> x + 1);
        }
        var result = new int[1];
        chain.thenApply(x -> result[0] = x);
        first.callback(seed);
        return result[0];
    }

    @Benchmark
    public int completableFutureBuiltThenCompleted() {
        var first = new CompletableFuture<Integer>();
        CompletableFuture<Integer> chain = first;
        for (int i = 0; i < STAGES; i++) {
            chain = chain.thenApply(x -> x + 1);
        }
        first.complete(seed);
        return chain.join();
    }

    @Benchmark
    public int deferredFiredThenBuilt() {
        Deferred<Integer> chain = Deferred.succeed(seed);
        for (int i = 0; i < STAGES; i++) {
            chain = chain.thenApply(x -> x + 1);
        }
        var result = new int[1];
        chain.thenApply(x -> result[0] = x);
        return result[0];
    }

    @Benchmark
    public int completableFutureCompletedThenBuilt() {
        CompletableFuture<Integer> chain = CompletableFuture.completedFuture(seed);
        for (int i = 0; i < STAGES; i++) {
            chain = chain.thenApply(x -> x + 1);
        }
        return chain.join();
    }
}
