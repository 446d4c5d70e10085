package org.slowpoetry.clients;

import java.util.OptionalLong;
import org.slowpoetry.fetch.FetchSettings;

/**
 * The options of one {@code get} run, parsed and checked. Fields a style did not declare in
 * {@link ClientStyle#options()} hold their defaults.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param fetch     every style's bounds: {@code --timeout} (connect and idle read) and the largest poem
 * @param print     {@link GetOption#PRINT}
 * @param quiet     {@link GetOption#QUIET}
 * @param timing    {@link GetOption#TIMING}
 * @param inOrder   {@link GetOption#IN_ORDER}
 * @param retries   {@link GetOption#RETRIES}, 0 for none
 * @param seed      {@link GetOption#SEED}, empty for a random seed
 * @param showStack {@link GetOption#SHOW_STACK}
 * @param selector  {@link GetOption#SELECTOR}: {@code epoll} or {@code poll}
 */
public record GetOptions(
        FetchSettings fetch,
        boolean print,
        boolean quiet,
        boolean timing,
        boolean inOrder,
        int retries,
        OptionalLong seed,
        boolean showStack,
        String selector) {

    /** Every option at its default. */
    public static GetOptions defaults() {
        return new GetOptions(FetchSettings.defaults(), false, false, false, false, 0, OptionalLong.empty(), false,
                "epoll");
    }

    /** These options with other fetch settings. */
    public GetOptions withFetch(FetchSettings settings) {
        return new GetOptions(settings, print, quiet, timing, inOrder, retries, seed, showStack, selector);
    }
}
