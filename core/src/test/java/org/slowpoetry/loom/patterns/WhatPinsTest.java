package org.slowpoetry.loom.patterns;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.loom.PinningRecorder;

/**
 * The guide's section "What still pins a carrier on JDK 25", measured: a virtual thread that
 * blocks inside {@code synchronized} is not pinned (JEP 491), one that blocks in a class's static
 * initializer is, and so is one that blocks under a native frame (here a Java comparator called
 * back by the C library's {@code qsort} through the FFM API). Each case is told apart in one JFR
 * recording of {@code jdk.VirtualThreadPinned} by the class its stack mentions.
 */
class WhatPinsTest {

    private static final Object MONITOR = new Object();

    /** Blocks in its static initializer. */
    static final class SlowToInitialize {
        static final String VALUE;

        static {
            sleep();
            VALUE = "initialized";
        }
    }

    /** Sleeps inside a monitor: unpinned since JDK 24. */
    static final class BlocksInSynchronized {
        static void run() {
            synchronized (MONITOR) {
                sleep();
            }
        }
    }

    /** Sorts ints with the C library's qsort and a Java comparator that sleeps: a native frame below a park. */
    static final class BlocksUnderANativeFrame {
        static int compare(MemorySegment a, MemorySegment b) {
            sleep();
            return Integer.compare(a.get(JAVA_INT, 0), b.get(JAVA_INT, 0));
        }

        static int[] sortInC(int... values) throws Throwable {
            Linker linker = Linker.nativeLinker();
            MethodHandle qsort = linker.downcallHandle(linker.defaultLookup().find("qsort").orElseThrow(),
                    FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG, JAVA_LONG, ADDRESS));
            MethodHandle compare = MethodHandles.lookup().findStatic(BlocksUnderANativeFrame.class, "compare",
                    MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class));
            var intPointer = ADDRESS.withTargetLayout(JAVA_INT);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment comparator = linker.upcallStub(compare,
                        FunctionDescriptor.of(JAVA_INT, intPointer, intPointer), arena);
                MemorySegment array = arena.allocateFrom(JAVA_INT, values);
                qsort.invokeExact(array, (long) values.length, JAVA_INT.byteSize(), comparator);
                return array.toArray(JAVA_INT);
            }
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void classInitializersAndNativeFramesPinButSynchronizedNoLongerDoes() throws Exception {
        onAVirtualThread(() -> BlocksUnderANativeFrame.sortInC(2, 1)); // warm-up: FFM's own classes
        int[][] sorted = new int[1][];
        List<RecordedEvent> events = PinningRecorder.pinnedDuring(() -> {
            onAVirtualThread(BlocksInSynchronized::run);
            onAVirtualThread(() -> assertEquals("initialized", SlowToInitialize.VALUE));
            onAVirtualThread(() -> sorted[0] = BlocksUnderANativeFrame.sortInC(3, 1, 2));
        });
        assertArrayEquals(new int[] {1, 2, 3}, sorted[0]);
        assertFalse(events.stream().anyMatch(e -> PinningRecorder.stackMentions(e, "BlocksInSynchronized")),
                "a virtual thread blocked in synchronized was pinned: " + describe(events));
        assertTrue(events.stream().anyMatch(e -> PinningRecorder.stackMentions(e, "SlowToInitialize")),
                "a virtual thread blocked in a static initializer was not pinned: " + describe(events));
        assertTrue(events.stream().anyMatch(e -> PinningRecorder.stackMentions(e, "BlocksUnderANativeFrame")),
                "a virtual thread blocked under a native frame was not pinned: " + describe(events));
        System.out.println("jdk.VirtualThreadPinned events:\n" + String.join("\n", describe(events)));
    }

    private static List<String> describe(List<RecordedEvent> events) {
        return events.stream().map(PinningRecorder::describe).toList();
    }

    @FunctionalInterface
    private interface Body {
        void run() throws Throwable;
    }

    private static void onAVirtualThread(Body body) throws InterruptedException {
        Throwable[] failure = new Throwable[1];
        Thread.ofVirtual().start(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }).join();
        if (failure[0] != null) {
            throw new AssertionError("the virtual thread failed", failure[0]);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(Duration.ofMillis(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
