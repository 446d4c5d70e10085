package org.slowpoetry.loom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Test helper (shared through the core test-jar): runs some work under a JFR recording of
 * {@code jdk.VirtualThreadPinned} with threshold 0, and returns the pinning events it caught.
 * Since JDK 24 the event is emitted whenever a virtual thread parks, blocks or waits while pinned.
 *
 * <p>Warm the work up before recording it: on JDK 25 a virtual thread that waits for another
 * thread to finish initializing a class is pinned (JDK-8369238 removes that in a later release),
 * so the first run of any code on many virtual threads at once can pin once per class, in
 * whatever code first touches the class. That is a fact about class initialization, not about
 * the blocking the tests check, and it happens once per JVM.
 */
public final class PinningRecorder {

    /** Work that may throw. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private PinningRecorder() {
    }

    /** Runs {@code work} while recording, and returns every pinning event. */
    public static List<RecordedEvent> pinnedDuring(Work work) throws Exception {
        Path file = Files.createTempFile("pinning", ".jfr");
        try (var recording = new Recording()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            work.run();
            recording.stop();
            recording.dump(file);
            return RecordingFile.readAllEvents(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Runs {@code work} while recording, after a positive control, and describes every pinning
     * event in our code ({@code org.slowpoetry}) that is neither the control nor the JDK's own
     * ({@link #inJdkInternals}): the list a test asserts empty. The control is a class that blocks
     * in its static initializer, loaded afresh by a class loader of its own on every call, so that
     * every recording, however many a JVM makes, has one pinning event it must catch.
     *
     * @throws AssertionError if the recording did not catch the control: it could not be trusted
     */
    public static List<String> pinnedInOurCode(Work work) throws Exception {
        List<RecordedEvent> events = pinnedDuring(() -> {
            pinOnce();
            work.run();
        });
        List<RecordedEvent> control = events.stream()
                .filter(e -> stackMentions(e, BlocksInStaticInitializer.class.getSimpleName())).toList();
        if (control.isEmpty()) {
            throw new AssertionError("the recording caught no pinning at all, not even the control: it cannot be trusted");
        }
        return events.stream()
                .filter(e -> !control.contains(e))
                .filter(e -> !inJdkInternals(e))
                .filter(e -> stackMentions(e, "org.slowpoetry"))
                .map(PinningRecorder::describe)
                .toList();
    }

    /** Blocks in its static initializer: pinned on JDK 25. The positive control, loaded anew each time. */
    static final class BlocksInStaticInitializer {
        static {
            try {
                Thread.sleep(Duration.ofMillis(30));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Initializes a fresh copy of {@link BlocksInStaticInitializer} on a virtual thread. */
    private static void pinOnce() throws IOException, InterruptedException {
        String name = BlocksInStaticInitializer.class.getName();
        byte[] bytes;
        try (InputStream in = PinningRecorder.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
            bytes = in.readAllBytes();
        }
        var loader = new ClassLoader(PinningRecorder.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String wanted, boolean resolve) throws ClassNotFoundException {
                if (!wanted.equals(name)) {
                    return super.loadClass(wanted, resolve);
                }
                synchronized (getClassLoadingLock(wanted)) {
                    Class<?> loaded = findLoadedClass(wanted);
                    return loaded != null ? loaded : defineClass(wanted, bytes, 0, bytes.length);
                }
            }
        };
        Thread.ofVirtual().start(() -> {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
        }).join();
    }

    /** Whether any frame of the event's stack is in a class whose name contains {@code text}. */
    public static boolean stackMentions(RecordedEvent event, String text) {
        var stack = event.getStackTrace();
        return stack != null && stack.getFrames().stream()
                .map(RecordedFrame::getMethod)
                .anyMatch(m -> m != null && m.getType().getName().contains(text));
    }

    /**
     * Whether the pinning is the JDK's own, not the code under test's, whatever frames of ours lie
     * below it: a JDK class running its static initializer for the first time (JFR's
     * {@code jdk.internal.event.ThrowableTracer}, say, pins the thread that initializes it, once per
     * JVM), or a {@code Throwable} being constructed while JFR traces throwables (the tracer takes a
     * monitor in {@code Throwable}'s constructor, so a contended one pins an
     * {@code InterruptedException} being made).
     */
    public static boolean inJdkInternals(RecordedEvent event) {
        var stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
            return false;
        }
        var top = stack.getFrames().getFirst().getMethod();
        boolean inThrowable = top != null && top.getType().getName().equals("java.lang.Throwable");
        return inThrowable || stack.getFrames().stream()
                .map(RecordedFrame::getMethod)
                .anyMatch(m -> m != null && (m.getType().getName().equals("jdk.internal.event.ThrowableTracer")
                        || m.getName().equals("<clinit>") && m.getType().getName().matches("^(java|javax|jdk|sun)\\..*")));
    }

    /** The event's reason, blocking operation and top of stack, for assertion messages. */
    public static String describe(RecordedEvent event) {
        String why = event.getString("pinnedReason") + " / " + event.getString("blockingOperation") + " at ";
        var stack = event.getStackTrace();
        if (stack == null) {
            return why + "(no stack)";
        }
        return why + stack.getFrames().stream().limit(12)
                .map(f -> f.getMethod().getType().getName() + "." + f.getMethod().getName() + ":" + f.getLineNumber())
                .reduce((a, b) -> a + " <- " + b).orElse("(empty stack)");
    }
}
