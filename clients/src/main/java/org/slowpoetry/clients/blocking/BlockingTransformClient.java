package org.slowpoetry.clients.blocking;

import java.util.List;
import java.util.Set;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.protocol.Address;

/**
 * A synchronous client for the transform server ({@code get --style transform-blocking XFORM_ADDR
 * ADDR...}, Part 12's exercise 5): Part 2's blocking client with client 6.0's transform step, one
 * poem after another on the calling thread, fetch then transform, with blocking sockets
 * ({@link FetchThenTransform}). It takes the sum of every download and every transform; client 6.0
 * ({@code transform}) and its Loom twin ({@code transform-loom}) overlap them.
 *
 * <p>The text has no such program. It prints what client 6.0 prints, in address order: each poem
 * on stdout, transformed, or after {@code Cummingsify failed!} on stderr as it came;
 * {@code The poem download failed: <why>} on stderr for a poem that did not come.
 *
 * <p><b>Threading:</b> stateless; {@link #fetch} runs on the calling thread and opens one socket at
 * a time. On a virtual thread an interrupt closes the socket at once and {@code fetch} throws
 * {@link InterruptedException}; a platform thread sees it between reads.
 */
public final class BlockingTransformClient implements ClientStyle {

    @Override
    public String name() {
        return "transform-blocking";
    }

    @Override
    public String description() {
        return "XFORM_ADDR first; one poem after another, fetch then transform with blocking sockets, printing"
                + " what client 6.0 prints (Part 12, exercise 5)";
    }

    @Override
    public Set<GetOption> options() {
        return Set.of(GetOption.XFORM);
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        FetchThenTransform step = FetchThenTransform.of(run);
        List<PoemTask> tasks = run.tasks(addresses);
        for (PoemTask task : tasks) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted before task " + task.number());
            }
            step.run(task);
        }
        return PoemTask.outcomes(tasks);
    }
}
