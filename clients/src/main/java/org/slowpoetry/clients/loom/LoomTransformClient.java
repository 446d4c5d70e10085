package org.slowpoetry.clients.loom;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import java.util.concurrent.StructuredTaskScope.Subtask;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.blocking.FetchThenTransform;
import org.slowpoetry.protocol.Address;

/**
 * The Loom twin of client 6.0 ({@code get --style transform-loom XFORM_ADDR ADDR...}): a virtual
 * thread per poem in one {@link StructuredTaskScope}, each running plain sequential code: fetch,
 * then transform over the network, then print ({@link FetchThenTransform}, the same code
 * {@code transform-blocking} runs on one thread). Where client 6.0's callback returns a Deferred so
 * that its chain can wait for the transform server, here the virtual thread simply blocks in the
 * transform call; where 6.0 adds an errback to the inner Deferred, here a {@code catch} keeps the
 * original poem.
 *
 * <p>It prints what client 6.0 prints: each poem on stdout as soon as it is fetched and
 * transformed; {@code Cummingsify failed!} on stderr and the original poem for a failed transform;
 * {@code The poem download failed: <why>} on stderr for a failed download. {@code --xform NAME} and
 * {@code ""} (no transform) as for 6.0.
 *
 * <p><b>Threading:</b> stateless. {@link #fetch} owns the scope: it forks, joins and closes on the
 * calling thread, so when it returns or throws every task's thread has ended and its sockets are
 * closed. An interrupt of the caller cancels the scope, which interrupts every task, and
 * {@code fetch} throws {@link InterruptedException}.
 */
public final class LoomTransformClient implements ClientStyle {

    @Override
    public String name() {
        return "transform-loom";
    }

    @Override
    public String description() {
        return "XFORM_ADDR first; client 6.0 as blocking code, fetch then transform on a virtual thread per poem"
                + " (Parts 13 and 20)";
    }

    @Override
    public Set<GetOption> options() {
        return Set.of(GetOption.XFORM);
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        FetchThenTransform step = FetchThenTransform.of(run);
        List<Subtask<TaskOutcome>> subtasks = new ArrayList<>(addresses.size());
        try (var scope = StructuredTaskScope.open(Joiner.<TaskOutcome>awaitAllSuccessfulOrThrow(),
                config -> config.withName("transform-poetry")
                        .withThreadFactory(Thread.ofVirtual().name("task-", 1).factory()))) {
            for (PoemTask task : run.tasks(addresses)) {
                subtasks.add(scope.fork(() -> step.run(task)));
            }
            scope.join();
        }
        return subtasks.stream().map(Subtask::get).toList();
    }
}
