package org.slowpoetry.reactor;

import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;

/**
 * {@link AcceptModel#HANDOFF}: spreads the connections one loop accepts over every loop of a
 * {@link ReactorGroup}, round-robin. The accepting loop serves its own share at once; the others'
 * wait in a batch per loop until the burst ends ({@link #burstEnded()}), and each batch goes to its
 * loop as one {@code callFromThread} task, where that loop's {@link Adopter} registers each
 * connection and builds its protocol. A batch that reaches a loop that has stopped is closed.
 *
 * <p><b>Threading:</b> the accepting loop's thread only (the batches are its own; once handed
 * over, a batch is only read by the loop that runs it, after {@code callFromThread}'s
 * happens-before).
 */
final class HandoffDispatch implements AcceptDispatch {
    /** Every loop's adopter, the accepting loop's among them; immutable. */
    private final List<Adopter> loops;
    /** The connections accepted in this burst for each loop, by index; accepting loop only. */
    private final List<List<SocketChannel>> batches = new ArrayList<>();
    /** The index of the loop that gets the next connection; accepting loop only. */
    private int next;

    HandoffDispatch(List<Adopter> loops) {
        this.loops = List.copyOf(loops);
        for (int i = 0; i < this.loops.size(); i++) {
            batches.add(new ArrayList<>());
        }
    }

    @Override
    public void accepted(SocketChannel accepted) {
        int i = next;
        next = (next + 1) % loops.size();
        Adopter loop = loops.get(i);
        if (loop.reactor().inEventLoop()) {
            loop.adopt(accepted);
        } else {
            batches.get(i).add(accepted);
        }
    }

    @Override
    public void burstEnded() {
        for (int i = 0; i < loops.size(); i++) {
            List<SocketChannel> batch = batches.get(i);
            if (!batch.isEmpty()) {
                batches.set(i, new ArrayList<>());
                Adopter loop = loops.get(i);
                loop.reactor().callFromThread(new Batch(loop, batch));
            }
        }
    }

    /**
     * One loop's share of a burst, adopted on that loop; closed instead if the loop has stopped (its
     * queue then cancels the task, see {@link Reactor#callFromThread}).
     */
    private static final class Batch extends FutureTask<Void> {
        private final List<SocketChannel> channels;

        Batch(Adopter loop, List<SocketChannel> channels) {
            super(() -> channels.forEach(c -> loop.reactor().runSafely(() -> loop.adopt(c))), null);
            this.channels = channels;
        }

        @Override
        protected void done() {
            if (isCancelled()) {
                channels.forEach(Adopter::closeQuietly);
            }
        }
    }
}
