package org.slowpoetry.clients.loom;

import java.util.Set;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.transform.CannotCummingsifyException;
import org.slowpoetry.transform.FlakyCummingsifier;

/**
 * The Loom version of client 5.1 ({@code get --style cummingsify-5.1-loom}; the reactor's is
 * {@code cummingsify-5.1},
 * {@link org.slowpoetry.clients.reactor.deferred.CummingsifyErrbackClient}): client 5.0's Loom
 * version without the try/catch inside the cummingsify call. The cummingsifier's bug, a
 * {@link CannotCummingsifyException} carrying the original poem, propagates out of the call, and
 * an outer {@code catch} falls back to that poem, where client 5.1's Deferred routes it to the
 * errback {@code cummingsify_failed}:
 *
 * {@snippet :
 * try {
 *     poem = cummingsifier.cummingsify(poem);         // the callback: catches nothing
 * } catch (CannotCummingsifyException e) {            // the errback
 *     lines.cummingsifyFailed();                      // Cummingsify failed! (stdout)
 *     poem = e.poem();
 * }
 * }
 *
 * <p>Every other exception passes that {@code catch} by, as every other failure passes 5.1's
 * errback by: a {@code GibberishException} is caught further out, with a failed download
 * ({@link FetchThenCummingsify}). It prints what {@code cummingsify-5.1} prints, and
 * {@code --seed N} gives each task the same luck as {@code cummingsify-5.1 --seed N}.
 *
 * <p><b>Threading:</b> stateless; {@link #fetch} owns the scope: when it returns or throws, every
 * task's thread has ended and its socket is closed. An interrupt cancels every task, and
 * {@code fetch} throws {@link InterruptedException}.
 */
public final class LoomCummingsifyErrbackClient extends ReactorClientTwin {

    public LoomCummingsifyErrbackClient() {
        super("cummingsify-5.1", "client 5.1 as blocking code, a virtual thread per poem: the cummingsifier's bug"
                + " caught outside the call (Parts 10 and 20)", Set.of(GetOption.SEED), FetchThenCummingsify.version(
                        FlakyCummingsifier.Flavor.CLIENT_5_1, LoomCummingsifyErrbackClient::cummingsifyOrOriginal));
    }

    /** The cummingsify call as client 5.1's chain makes it: the callback, then its errback. */
    private static String cummingsifyOrOriginal(FlakyCummingsifier cummingsifier, String poem, PoetryLines lines) {
        try {
            return cummingsifier.cummingsify(poem);
        } catch (CannotCummingsifyException e) {
            lines.cummingsifyFailed();
            return e.poem();
        }
    }
}
