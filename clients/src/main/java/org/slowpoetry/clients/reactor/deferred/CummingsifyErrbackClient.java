package org.slowpoetry.clients.reactor.deferred;

import java.util.List;
import java.util.Set;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.defer.Failure;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.transform.CannotCummingsifyException;
import org.slowpoetry.transform.FlakyCummingsifier;

/**
 * Client 5.1 of Part 10 ({@code get --style cummingsify-5.1}): client 5.0 without the try/catch.
 * The cummingsifier's bug is now a {@link CannotCummingsifyException} that carries the original
 * poem, and the Deferred catches it and sends it to an errback, which falls back to that poem, so
 * the chain goes back to the callback line (Figures 24 and 25):
 *
 * {@snippet :
 * d.addCallback(cummingsifier::cummingsify);
 * d.addErrback(err -> cummingsifyFailed(err));   // CannotCummingsify: the original poem
 * d.addCallbacks(this::gotPoem, this::poemFailed);
 * d.addBoth(this::poemDone);
 * }
 *
 * <p>Every other failure, the GibberishException and a failed download alike, passes the errback
 * by (it returns the {@link Failure}: Twisted's re-raise). It prints what client 5.0 prints, and
 * shares the rest of 5.0's chain ({@link CummingsifyClient#fetchTransformed}). {@code --seed N}
 * repeats a run.
 *
 * <p><b>Threading:</b> stateless; the callbacks run on the reactor thread.
 */
public final class CummingsifyErrbackClient implements ClientStyle {

    @Override
    public String name() {
        return "cummingsify-5.1";
    }

    @Override
    public String description() {
        return "client 5.1: the cummingsifier's bug goes down the chain to an errback that falls back to"
                + " the original poem (Part 10)";
    }

    @Override
    public Set<GetOption> options() {
        return Set.of(GetOption.SEED, GetOption.SELECTOR);
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        return CummingsifyClient.fetchTransformed(addresses, run, FlakyCummingsifier.Flavor.CLIENT_5_1,
                (d, cummingsifier, lines) -> {
                    d.addCallback(cummingsifier::cummingsify);
                    d.addErrback(err -> cummingsifyFailed(err, lines));
                });
    }

    /**
     * The text's {@code cummingsify_failed}: handles a CannotCummingsify by returning the original
     * poem it carries; returns any other failure as it is, so it carries on down the errback line.
     */
    static Object cummingsifyFailed(Failure err, PoetryLines lines) {
        if (err.check(CannotCummingsifyException.class) != null) {
            lines.cummingsifyFailed();
            return ((CannotCummingsifyException) err.value()).poem();
        }
        return err;
    }
}
