package org.slowpoetry.clients.reactor.deferred;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.reactor.ReactorFetch;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.fetch.TransformClient;
import org.slowpoetry.protocol.Address;

/**
 * Client 6.0 of Part 13 ({@code get --style transform XFORM_ADDR ADDR...}, the text's
 * {@code twisted-client-6/get-poetry.py}): client 5.0's chain, with the cummingsifier moved out of
 * the client into the transform server of Part 12. Its callback now asks the network, so it
 * returns a {@link Deferred}; the outer chain pauses there until that inner one fires, and then
 * goes on with its result: "Deferreds all the way down".
 *
 * {@snippet :
 * d.addCallback(poem -> tryToTransform(poem));      // returns a Deferred: the chain waits for it
 * d.addCallbacks(this::gotPoem, this::poemFailed);
 * d.addBoth(this::poemDone);
 *
 * Deferred<String> tryToTransform(String poem) {
 *     Deferred<String> inner = TransformClient.xform(reactor, xformAddress, "cummingsify", poem, settings);
 *     inner.addErrback(err -> {
 *         lines.cummingsifyFailedToStderr();         // Cummingsify failed! (stderr)
 *         return poem;                               // the original will do
 *     });
 *     return inner;
 * }
 * }
 *
 * <p>Its output is the original's: each poem on stdout as soon as its download and transform are
 * done; a transform that fails (the server is down, breaks the connection, or closes without a
 * reply because it has no such transform) prints {@code Cummingsify failed!} on stderr and the
 * original poem on stdout; a failed download prints {@code The poem download failed: <why>} on stderr.
 * {@code --xform NAME} asks for another transform (Part 13's exercise 1; the failure line stays the
 * original's), and {@code ""} as the transform address skips the transform (exercise 2).
 *
 * <p><b>Threading:</b> stateless; the callbacks run on the reactor thread (see {@link ReactorFetch}).
 */
public final class TransformServiceClient implements ClientStyle {

    @Override
    public String name() {
        return "transform";
    }

    @Override
    public String description() {
        return "client 6.0: XFORM_ADDR first; a callback returns the transform server's Deferred and the chain"
                + " waits for it (Part 13)";
    }

    @Override
    public Set<GetOption> options() {
        return Set.of(GetOption.XFORM, GetOption.SELECTOR);
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        Optional<Address> server = run.options().transformAddress();
        String name = run.options().xform();
        return CummingsifyClient.fetchTransformed(addresses, run, (d, task, fetch) -> server.ifPresent(
                xformAddress -> d.addCallback(poem -> tryToTransform(fetch, xformAddress, name, poem))));
    }

    /**
     * The text's {@code try_to_cummingsify}, now asynchronous: the transformed poem as a Deferred,
     * which falls back to the original poem (after one line on stderr) if the transform fails.
     */
    static Deferred<String> tryToTransform(ReactorFetch fetch, Address xformAddress, String name, String poem) {
        Deferred<String> d = TransformClient.xform(fetch.reactor(), xformAddress, name, poem, fetch.settings());
        d.addErrback(err -> {
            fetch.lines().cummingsifyFailedToStderr();
            return poem;
        });
        return d;
    }
}
