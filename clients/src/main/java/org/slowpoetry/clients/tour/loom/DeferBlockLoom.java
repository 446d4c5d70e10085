package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Subtask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code defer-block-loom}, the Loom twin of {@code defer-block} (Part 8): a chain of steps whose
 * middle one blocks, writing a verse a word at a time with {@link Thread#sleep} in between. In the
 * original the chain runs inside {@code d.callback(...)}, so firing blocks for as long as the
 * verse takes, and with it whoever fired, the reactor included: nothing else moves.
 *
 * <p><b>What differs.</b> On a virtual thread a blocking call blocks only that thread: the sleep
 * parks it and frees its carrier for others. To show it, the twin runs the chain as plain
 * sequential code in one subtask and a ticker in another, which ticks every 0.1 s while the verse
 * is being written and counts the ticks that came while the chain was still asleep. Under the
 * original's reactor it could count none. The verse says so too, so it is not the original's; and
 * its pauses are half the original's (0.6 s in all), to keep the tour quick.
 *
 * <p>The caveat, for real code: a virtual thread frees its carrier when it blocks in the JDK's
 * blocking calls (sleep, locks, sockets); a long computation, or a call that pins the carrier
 * (native code, for one), holds the carrier as a blocking callback holds the reactor.
 *
 * <p><b>Threading:</b> {@link #run} owns the scope; the chain and the ticker run on two virtual
 * threads of it, which have ended when {@code run} returns.
 */
public final class DeferBlockLoom extends LoomTwin {
    private static final Duration TICK = Duration.ofMillis(100);
    private static final int TICKS = 3;

    public DeferBlockLoom() {
        super("defer-block", 8, "a blocking call blocks only its own virtual thread: the others go on");
    }

    @Override
    public void run(PrintStream out) throws InterruptedException {
        out.println("Forking the chain onto a virtual thread of its own, and a ticker onto another.");
        // Set by the chain's thread when it ends, read by the ticker's (a volatile write and read).
        var chainDone = new AtomicBoolean();
        try (var scope = StructuredTaskScope.open()) {
            scope.fork(() -> chain(out, chainDone));
            Subtask<Integer> ticker = scope.fork(() -> tickWhileTheChainSleeps(chainDone));
            scope.join();
            out.println("Joined. The ticker ticked " + ticker.get() + " times of " + TICKS
                    + " while the chain was asleep:");
            out.println("a blocking call blocks its own virtual thread, and no other.");
        }
    }

    /** The original's callback chain, as plain code: start, the blocking verse, end. */
    private static Void chain(PrintStream out, AtomicBoolean chainDone) throws InterruptedException {
        out.println("The start of the callback chain.");
        delayedWrite(out, "\n", 0);
        delayedWrite(out, "I", 30);
        delayedWrite(out, " sleep", 20);
        delayedWrite(out, "\n  and my", 50);
        delayedWrite(out, " thread", 30);
        delayedWrite(out, "\n  sleeps", 75);
        delayedWrite(out, " too", 10);
        delayedWrite(out, "\nthe others", 50);
        delayedWrite(out, "\n  go on", 50);
        delayedWrite(out, " without me", 30);
        delayedWrite(out, "\nonly I", 50);
        delayedWrite(out, " wait", 20);
        delayedWrite(out, "\n  till I", 50);
        delayedWrite(out, " am through", 20);
        delayedWrite(out, "\n\n", 100);
        out.println("The end of the callback chain.");
        chainDone.set(true);
        return null;
    }

    /** Ticks {@link #TICKS} times, one every {@link #TICK}; returns how many came while the chain slept. */
    private static int tickWhileTheChainSleeps(AtomicBoolean chainDone) throws InterruptedException {
        int duringTheChain = 0;
        for (int i = 0; i < TICKS; i++) {
            Thread.sleep(TICK);
            if (!chainDone.get()) {
                duringTheChain++;
            }
        }
        return duringTheChain;
    }

    /** Sleeps (blocks, but only this virtual thread) for {@code millis}, then writes {@code s}. */
    private static void delayedWrite(PrintStream out, String s, long millis) throws InterruptedException {
        Thread.sleep(millis);
        out.print(s);
        out.flush();
    }
}
