package org.slowpoetry.bench.jmh;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.slowpoetry.protocol.NetstringDecoder;
import org.slowpoetry.protocol.NetstringEncoder;

/**
 * How fast {@link NetstringDecoder} frames payloads of 1 KiB and 1 MiB: fed whole, and fed in
 * 1,460-byte chunks as one TCP segment at a time would arrive. Score: netstrings per second
 * (multiply by the payload size for bytes per second).
 *
 * <p><b>Threading:</b> JMH runs each benchmark method on its own thread with its own state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-preview")
public class NetstringDecodeBench {

    /** A TCP segment's payload on a 1,500-byte MTU. */
    private static final int SEGMENT = 1_460;

    @Param({"1024", "1048576"})
    public int payloadBytes;

    /** The encoded netstring; read by the benchmark thread only. */
    private byte[] frame;

    @Setup
    public void encode() {
        byte[] payload = new byte[payloadBytes];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) ('a' + i % 26);
        }
        frame = NetstringEncoder.encode(payload);
    }

    @Benchmark
    public void whole(Blackhole bh) {
        var decoder = new NetstringDecoder();
        decoder.feed(ByteBuffer.wrap(frame), bh::consume);
        decoder.finish();
    }

    @Benchmark
    public void segments(Blackhole bh) {
        var decoder = new NetstringDecoder();
        var chunk = ByteBuffer.wrap(frame);
        for (int at = 0; at < frame.length; at += SEGMENT) {
            chunk.limit(Math.min(frame.length, at + SEGMENT)).position(at);
            decoder.feed(chunk, bh::consume);
        }
        decoder.finish();
    }
}
