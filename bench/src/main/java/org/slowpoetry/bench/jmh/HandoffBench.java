package org.slowpoetry.bench.jmh;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.slowpoetry.loom.Mailbox;

/**
 * Messages from one virtual thread to another: our Erlang-style {@link Mailbox} (unbounded, with
 * selective receive) against {@link LinkedBlockingQueue} and {@link SynchronousQueue} (a
 * rendezvous per message). Each invocation starts a sender and a receiver and passes
 * {@value #MESSAGES} messages. Score: nanoseconds per message.
 *
 * <p><b>Threading:</b> the benchmark thread starts and joins the two virtual threads; each queue
 * is used by exactly those two.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-preview")
public class HandoffBench {
    static final int MESSAGES = 10_000;

    /** What the receiver does with one message. */
    @FunctionalInterface
    private interface Take {
        Integer take() throws InterruptedException;
    }

    /** What the sender does with one message. */
    @FunctionalInterface
    private interface Put {
        void put(Integer message) throws InterruptedException;
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long mailbox() throws InterruptedException {
        var box = new Mailbox<Integer>();
        return pass(box::send, box::receive);
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long linkedBlockingQueue() throws InterruptedException {
        BlockingQueue<Integer> q = new LinkedBlockingQueue<>();
        return pass(q::put, q::take);
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long synchronousQueue() throws InterruptedException {
        BlockingQueue<Integer> q = new SynchronousQueue<>();
        return pass(q::put, q::take);
    }

    /** Sends 0..MESSAGES-1 from one virtual thread to another; returns the receiver's sum. */
    private static long pass(Put put, Take take) throws InterruptedException {
        var sum = new long[1];
        Thread receiver = Thread.ofVirtual().start(() -> {
            try {
                long s = 0;
                for (int i = 0; i < MESSAGES; i++) {
                    s += take.take();
                }
                sum[0] = s;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread sender = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < MESSAGES; i++) {
                    put.put(i);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        sender.join();
        receiver.join();
        return sum[0]; // join() happens-before this read
    }
}
