package org.slowpoetry.clients.reactor.deferred;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.reactor.ReactorFetch;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.DeferredList;
import org.slowpoetry.defer.Outcome;
import org.slowpoetry.protocol.Address;

/**
 * Client 8.0 of Part 18 ({@code get --style deferred-list}): client 7.0 without the counting. Every
 * earlier client kept a tally of poems and failures to know when to stop the reactor; this one puts
 * the Deferreds in a {@link DeferredList}, which fires once all of them have, successes and
 * failures alike:
 *
 * {@snippet :
 * List<Deferred<?>> ds = new ArrayList<>();
 * for (PoemTask task : tasks) {
 *     Deferred<String> d = getTransformedPoem(task);
 *     d.addCallback(this::gotPoem);
 *     ds.add(d);
 * }
 * DeferredList.of(ds, DeferredList.Option.CONSUME_ERRORS)
 *         .addCallback(outcomes -> { reactor.stop(); return null; });
 * }
 *
 * <p>It takes what client 7.0 takes (the transform server's address first) and prints what 7.0
 * prints, as the text's {@code twisted-client-8/get-poetry.py} does. The DeferredList's result, one
 * {@link Outcome} per Deferred in the order given, is where this version learns which downloads
 * failed.
 *
 * <p><b>Threading:</b> stateless; see {@link InlineClient}.
 */
public final class DeferredListClient implements ClientStyle {

    @Override
    public String name() {
        return "deferred-list";
    }

    @Override
    public String description() {
        return "client 8.0: XFORM_ADDR first; client 7.0, stopping the reactor when a DeferredList of the downloads fires"
                + " (Part 18)";
    }

    @Override
    public Set<GetOption> options() {
        return Set.of(GetOption.XFORM, GetOption.SELECTOR);
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        return ReactorFetch.run(addresses, run, fetch -> {
            List<Deferred<?>> ds = new ArrayList<>();
            for (PoemTask task : fetch.tasks()) {
                task.start();
                Deferred<String> d = InlineClient.getTransformedPoem(fetch, task);
                d.addCallback(poem -> InlineClient.gotPoem(fetch, task, poem));
                ds.add(d);
            }
            DeferredList.of(ds, DeferredList.Option.CONSUME_ERRORS).addCallback(outcomes -> {
                for (int i = 0; i < outcomes.size(); i++) {
                    if (outcomes.get(i) instanceof Outcome.Failed<?>(var failure)) {
                        ReactorFetch.endWith(fetch.tasks().get(i), failure);
                    }
                }
                fetch.stopReactor();
                return null;
            });
        });
    }
}
