package org.slowpoetry.clients.reactor.deferred;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.reactor.ReactorFetch;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.fetch.PoetryClient;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.transform.FlakyCummingsifier;
import org.slowpoetry.transform.GibberishException;

/**
 * Client 5.0 of Part 10 ({@code get --style cummingsify}): client 4.0 with a transformation in the
 * chain. The cummingsifier is flaky on purpose ({@link FlakyCummingsifier}): it lower-cases the
 * poem, or throws a {@link GibberishException} (the poem is no poem: the download counts as
 * failed), or hits a bug (keep the original poem). Client 5.0 handles the bug inside its callback,
 * with an ordinary try/catch the Deferred never sees:
 *
 * {@snippet :
 * d.addCallback(poem -> tryToCummingsify(poem));   // rethrows GibberishException only
 * d.addCallbacks(this::gotPoem, this::poemFailed);
 * d.addBoth(this::poemDone);
 * }
 *
 * <p>That is Figure 19's chain. Each poem ends one of three ways, as in the text's
 * {@code twisted-client-5/get-poetry.py}: transformed, and printed at once (stdout);
 * {@code Cummingsify failed!} and the original poem (both stdout); or
 * {@code The poem download failed.} (stderr, where we add what went wrong and where: a server that
 * is not there, say; where the text prints it for gibberish too, we say that cummingsify rejected
 * the poem). A
 * connection broken half-way, or closed before a byte, is a failed download here, not a poem.
 * {@code --seed N} makes the random choices repeatable.
 * Client 5.1 ({@code get --style cummingsify-5.1}) lets the Deferred route the bug instead
 * ({@link CummingsifyErrbackClient}).
 *
 * <p><b>Threading:</b> stateless; the callbacks run on the reactor thread (see {@link ReactorFetch}).
 */
public final class CummingsifyClient implements ClientStyle {

    @Override
    public String name() {
        return "cummingsify";
    }

    @Override
    public String description() {
        return "client 5.0: a flaky cummingsify callback that traps its own bug and keeps the original"
                + " poem (Part 10)";
    }

    @Override
    public Set<GetOption> options() {
        return Set.of(GetOption.SEED, GetOption.SELECTOR);
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        return fetchTransformed(addresses, run, FlakyCummingsifier.Flavor.CLIENT_5_0,
                (d, cummingsifier, lines) -> d.addCallback(poem -> tryToCummingsify(cummingsifier, poem, lines)));
    }

    /**
     * The text's {@code try_to_cummingsify}: a GibberishException goes on down the chain; any other
     * failure is the cummingsifier's bug, and the original poem will do. Plain synchronous code,
     * which the Loom version ({@code cummingsify-loom}) calls as it is.
     */
    public static String tryToCummingsify(FlakyCummingsifier cummingsifier, String poem, PoetryLines lines) {
        try {
            return cummingsifier.cummingsify(poem);
        } catch (GibberishException e) {
            throw e;
        } catch (RuntimeException e) {
            lines.cummingsifyFailed();
            return poem;
        }
    }

    /** How a version puts the transformation into the chain: the one place 5.0 and 5.1 differ. */
    @FunctionalInterface
    interface FlakyStages {
        void addTo(Deferred<String> d, FlakyCummingsifier cummingsifier, PoetryLines lines);
    }

    /**
     * How a client puts a transformation into the chain of the task's poem: the one place clients
     * 5.0, 5.1 and 6.0 differ.
     */
    @FunctionalInterface
    interface TransformStages {
        void addTo(Deferred<String> d, PoemTask task, ReactorFetch fetch);
    }

    /** {@link #fetchTransformed(List, ClientRun, TransformStages)} with a flaky cummingsifier of {@code flavor} per task. */
    static List<TaskOutcome> fetchTransformed(List<Address> addresses, ClientRun run,
            FlakyCummingsifier.Flavor flavor, FlakyStages stages) throws InterruptedException {
        List<FlakyCummingsifier> cummingsifiers = Cummingsifiers.perTask(addresses.size(), flavor, run.options().seed());
        return fetchTransformed(addresses, run,
                (d, task, fetch) -> stages.addTo(d, cummingsifiers.get(task.number() - 1), fetch.lines()));
    }

    /**
     * The {@code poetry_main} clients 5.0, 5.1 and 6.0 share: for each address, {@code getPoetry},
     * the client's transformation stages, then {@code got_poem}/{@code poem_failed} and
     * {@code poem_done}.
     */
    static List<TaskOutcome> fetchTransformed(List<Address> addresses, ClientRun run, TransformStages stages)
            throws InterruptedException {
        return ReactorFetch.run(addresses, run, fetch -> {
            for (PoemTask task : fetch.tasks()) {
                task.start();
                Deferred<String> d = PoetryClient.getPoetry(fetch.reactor(), task.address(), fetch.settings(),
                        task::received).thenApply(poem -> new String(poem, StandardCharsets.UTF_8));
                stages.addTo(d, task, fetch);
                d.addCallbacks(
                        poem -> {                                  // got_poem: printed at once
                            task.fetched(poem.getBytes(StandardCharsets.UTF_8));
                            fetch.lines().poemText(poem);
                            return null;
                        },
                        err -> {                                   // poem_failed
                            fetch.lines().downloadFailedOrRejected(ReactorFetch.endWith(task, err));
                            return null;
                        });
                d.addBoth(ignored -> {                             // poem_done
                    if (fetch.allOver()) {
                        fetch.stopReactor();
                    }
                    return null;
                });
            }
        });
    }
}
