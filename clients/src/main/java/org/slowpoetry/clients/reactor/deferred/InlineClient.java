package org.slowpoetry.clients.reactor.deferred;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.reactor.ReactorFetch;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;
import org.slowpoetry.defer.InlineCallbacks;
import org.slowpoetry.fetch.FetchException;
import org.slowpoetry.fetch.PoetryClient;
import org.slowpoetry.fetch.TransformClient;
import org.slowpoetry.protocol.Address;

/**
 * Client 7.0 of Part 17 ({@code get --style inline}): the download and the transformation written
 * as one sequential function with {@link InlineCallbacks}. Where Twisted's generator
 * {@code yield}s a Deferred, the body calls {@code ic.await(deferred)}; it stops there, the
 * reactor carries on, and the body resumes with the result, or with the exception thrown at the
 * {@code await}, so ordinary try/catch handles asynchronous errors:
 *
 * {@snippet :
 * String poem;
 * try {
 *     poem = text(ic.await(getPoetry(reactor, address, settings)));
 * } catch (FetchException e) {
 *     lines.downloadFailed(e.failure());         // The poem download failed: ... (stderr)
 *     throw e;
 * }
 * try {
 *     poem = ic.await(TransformClient.xform(reactor, xformAddress, "cummingsify", poem, settings));
 * } catch (Exception e) {
 *     lines.cummingsifyFailedToStderr();         // Cummingsify failed! (keep the original)
 * }
 * return poem;
 * }
 *
 * <p>Its stdout is the original's ({@code twisted-client-7/get-poetry.py}): each poem as it
 * completes. On stderr, as there: {@code The poem download failed: failed to connect to
 * 127.0.0.1:10004: Connection refused} and {@code Cummingsify failed!}. A connection broken
 * half-way, or closed before a byte, is a failed download here, not a poem.
 *
 * <p>As in the text, the transform server of Part 12 comes first on the command line
 * ({@code get --style inline XFORM_ADDR ADDR...}) and is called over the network
 * ({@link TransformClient}); {@code --xform NAME} asks for another transform, and {@code ""} skips
 * the transform. It is still callbacks underneath: each stretch of the body between two awaits runs
 * as a reactor callback, one at a time. Client 8.0 ({@link DeferredListClient}) reuses
 * {@link #getTransformedPoem}.
 *
 * <p><b>Threading:</b> stateless; the bodies run on virtual threads of their own, but only while
 * they hold the reactor's baton (see {@link InlineCallbacks}), so they may call loop-only methods
 * such as {@code connectTCP} and {@code callLater}.
 */
public final class InlineClient implements ClientStyle {

    @Override
    public String name() {
        return "inline";
    }

    @Override
    public String description() {
        return "client 7.0: XFORM_ADDR first; download and network transform as sequential code with"
                + " InlineCallbacks (Part 17)";
    }

    @Override
    public Set<GetOption> options() {
        return Set.of(GetOption.XFORM, GetOption.SELECTOR);
    }

    /**
     * The text's {@code get_transformed_poem}: the poem from the task's server, transformed if the
     * transform server manages it, as a Deferred; a failed download fails it (after one line on
     * stderr).
     */
    static Deferred<String> getTransformedPoem(ReactorFetch fetch, PoemTask task) {
        PoetryLines lines = fetch.lines();
        Optional<Address> server = fetch.run().options().transformAddress();
        String name = fetch.run().options().xform();
        return InlineCallbacks.run(fetch.reactor(), ic -> {
            String poem;
            try {
                byte[] bytes = ic.await(PoetryClient.getPoetry(fetch.reactor(), task.address(), fetch.settings(),
                        task::received));
                poem = new String(bytes, StandardCharsets.UTF_8);
            } catch (FetchException e) {
                lines.downloadFailed(e.failure());
                throw e;
            }
            if (server.isEmpty()) {
                return poem;                               // no transform server: Part 13's exercise 2
            }
            try {
                poem = ic.await(TransformClient.xform(fetch.reactor(), server.get(), name, poem, fetch.settings()));
            } catch (Exception e) {                        // the text's bare except: any failure
                lines.cummingsifyFailedToStderr();
            }
            return poem;
        });
    }

    /** The text's {@code got_poem}: the poem ends the task and is printed at once. */
    static Void gotPoem(ReactorFetch fetch, PoemTask task, String poem) {
        task.fetched(poem.getBytes(StandardCharsets.UTF_8));
        fetch.lines().poemText(poem);
        return null;
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        return ReactorFetch.run(addresses, run, fetch -> {
            for (PoemTask task : fetch.tasks()) {
                task.start();
                Deferred<String> d = getTransformedPoem(fetch, task);
                d.addCallback(poem -> gotPoem(fetch, task, poem));
                d.addBoth(result -> {                              // poem_done
                    if (result instanceof Failure failure) {
                        ReactorFetch.endWith(task, failure);       // handled: the chain ends here
                    }
                    if (fetch.allOver()) {
                        fetch.stopReactor();
                    }
                    return null;
                });
            }
        });
    }
}
