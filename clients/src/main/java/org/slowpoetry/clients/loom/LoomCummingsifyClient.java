package org.slowpoetry.clients.loom;

import java.util.Set;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.reactor.deferred.CummingsifyClient;
import org.slowpoetry.transform.FlakyCummingsifier;

/**
 * The Loom version of client 5.0 ({@code get --style cummingsify-loom}; the reactor's is
 * {@code cummingsify}, {@link CummingsifyClient}): a virtual thread per poem, fetch then the flaky
 * cummingsifier, in plain sequential code ({@link FetchThenCummingsify}). Client 5.0 already traps
 * the cummingsifier's bug <em>inside</em> its callback with an ordinary try/catch the Deferred never
 * sees ({@link CummingsifyClient#tryToCummingsify}); that function is synchronous code, so this
 * version calls the very same one, straight after the download:
 *
 * {@snippet :
 * poem = CummingsifyClient.tryToCummingsify(cummingsifier, poem, lines);   // the bug caught inside
 * }
 *
 * <p>A {@code GibberishException} leaves it, as it leaves 5.0's callback for the errback, and is
 * caught where a failed download is. It prints what {@code cummingsify} prints: each poem on
 * stdout as soon as it is done, lower-cased; or {@code Cummingsify failed!} and the original poem
 * (both stdout); or {@code The poem download failed: <why>} (stderr) for a download that failed, and
 * {@code Cummingsify rejected the poem from ...} for gibberish. {@code --seed N} gives each task the same luck as {@code cummingsify --seed N}.
 *
 * <p><b>Threading:</b> stateless; {@link #fetch} owns the scope: when it returns or throws, every
 * task's thread has ended and its socket is closed. An interrupt cancels every task, and
 * {@code fetch} throws {@link InterruptedException}.
 */
public final class LoomCummingsifyClient extends ReactorClientTwin {

    public LoomCummingsifyClient() {
        super("cummingsify", "client 5.0 as blocking code, a virtual thread per poem: the flaky cummingsify call"
                + " with its own try/catch (Parts 10 and 20)", Set.of(GetOption.SEED),
                FetchThenCummingsify.version(FlakyCummingsifier.Flavor.CLIENT_5_0, CummingsifyClient::tryToCummingsify));
    }
}
