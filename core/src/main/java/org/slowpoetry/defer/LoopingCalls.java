package org.slowpoetry.defer;

import java.time.Duration;
import org.slowpoetry.reactor.LoopingCall;

/**
 * A {@link LoopingCall} whose end is a {@link Deferred}, as Twisted's {@code LoopingCall.start}
 * returns one: it fires with the looping call when {@link LoopingCall#stop()} is called, and fails
 * with what the task threw if the task throws (which also stops the loop).
 *
 * {@snippet :
 * var countdown = new LoopingCall(reactor, this::count);
 * LoopingCalls.start(countdown, Duration.ofSeconds(1), true)
 *         .addCallback(lc -> { System.out.println("done"); return null; })
 *         .addErrback(f -> { f.printTraceback(System.err); return null; })
 *         .addBoth(x -> { reactor.stop(); return null; });
 * }
 *
 * <p>The reactor package stays free of Deferreds; this is the helper its
 * {@link LoopingCall#onCompletion} seam was made for.
 *
 * <p><b>Threading:</b> call on the loop's thread, like every {@link LoopingCall} method; the
 * Deferred fires on the loop thread.
 */
public final class LoopingCalls {
    private LoopingCalls() {
    }

    /**
     * Starts {@code call} and returns the Deferred of this run's end.
     *
     * @throws IllegalStateException if {@code call} is already running (from {@link LoopingCall#start})
     * @throws WrongThreadException off the loop thread
     */
    public static Deferred<LoopingCall> start(LoopingCall call, Duration interval, boolean now) {
        Deferred<LoopingCall> done = new Deferred<>();
        call.onCompletion(outcome -> {
            switch (outcome) {
                case LoopingCall.Stopped stopped -> done.callback(call);
                case LoopingCall.Failed failed -> done.errback(failed.cause());
            }
        });
        call.start(interval, now);
        return done;
    }
}
