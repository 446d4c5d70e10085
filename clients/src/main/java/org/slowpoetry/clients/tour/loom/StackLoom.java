package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.StructuredTaskScope;

/**
 * {@code stack-loom}, the Loom twin of {@code stack} (Part 3): the stack our code runs on, seen from
 * a subtask. The original's callbacks find {@code reactor.run()} under them, and our {@code run}
 * under that: the reactor calls our code from its loop, on our thread.
 *
 * <p><b>What differs.</b> A subtask's stack is its own. It starts at {@code VirtualThread.run},
 * with the scope's frame that runs the subtask and then our code above; there is no loop under it
 * and no caller of ours. The thread that forked it, the owner, is on another stack, waiting in
 * {@code join()}; the twin prints that one too. And where the original's second callback, called
 * from a {@code callLater}, shows a turn of the loop, the twin's subtask sleeps and prints its stack
 * again: the same frames. Sleeping parked the virtual thread with its stack, and the scheduler
 * mounted it back where it left off; no loop called it back.
 *
 * <p><b>Threading:</b> {@link #run} owns the scope; the subtask runs on a virtual thread of it,
 * which has ended when {@code run} returns. The subtask reads the owner's stack while the owner is
 * blocked in {@code join()}.
 */
public final class StackLoom extends LoomTwin {
    /** How long the subtask waits for the owner to reach {@code join()}: far longer than it takes. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    public StackLoom() {
        super("stack", 3, "a subtask's stack is its own, from VirtualThread.run; the owner waits in join()");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        Thread owner = Thread.currentThread();
        try (var scope = StructuredTaskScope.open()) {
            scope.fork(() -> subtask(out, owner));
            scope.join();
        }
    }

    private static Void subtask(PrintStream out, Thread owner) throws InterruptedException {
        stack(out, "a subtask");
        awaitBlocked(owner);
        out.println("Meanwhile the owner's stack, innermost call first:");
        for (StackTraceElement frame : owner.getStackTrace()) {
            out.println("\tat " + frame + note(frame.getClassName(), frame.getMethodName()));
        }
        Thread.sleep(Duration.ofMillis(10)); // parks the virtual thread, stack and all
        stack(out, "the same subtask after a sleep");
        return null;
    }

    /**
     * Waits (at most {@link #PATIENCE}) until {@code owner} is blocked, which it is once it has
     * gone on from {@code fork} into {@code join()}.
     */
    private static void awaitBlocked(Thread owner) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (owner.getState() != Thread.State.WAITING && System.nanoTime() - deadline < 0) {
            Thread.sleep(1);
        }
    }

    private static void stack(PrintStream out, String whose) {
        out.println("The Java stack of " + whose + ", innermost call first:");
        StackWalker.getInstance().forEach(frame ->
                out.println("\tat " + frame + note(frame.getClassName(), frame.getMethodName())));
    }

    /** A pointer for the frames worth noticing, as the text draws arrows on its output. */
    private static String note(String className, String methodName) {
        String owner = className.equals(StackLoom.class.getName()) ? "twin"
                : className.startsWith("java.util.concurrent.StructuredTaskScope") ? "scope"
                : className.equals("java.lang.VirtualThread") ? "thread" : "other";
        return switch (owner + "." + methodName) {
            case "twin.stack" -> "   <-- our code, printing this";
            case "twin.subtask" -> "   <-- the subtask we forked";
            case "thread.run" -> "   <-- the bottom of the virtual thread's own stack: no loop, no caller of ours";
            case "scope.join" -> "   <-- the owner waits in join()";
            case "twin.run" -> "   <-- where we called join()";
            default -> "";
        };
    }
}
