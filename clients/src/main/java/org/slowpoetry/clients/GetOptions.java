package org.slowpoetry.clients;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The options of one {@code get} run, parsed and checked. Fields a style did not declare in
 * {@link ClientStyle#options()} hold their defaults.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param print     print the poems themselves after the summary
 * @param timeout   {@link GetOption#TIMEOUT}, empty for none
 * @param quiet     {@link GetOption#QUIET}
 * @param timing    {@link GetOption#TIMING}
 * @param inOrder   {@link GetOption#IN_ORDER}
 * @param retries   {@link GetOption#RETRIES}, 0 for none
 * @param seed      {@link GetOption#SEED}, empty for a random seed
 * @param showStack {@link GetOption#SHOW_STACK}
 * @param selector  {@link GetOption#SELECTOR}: {@code epoll} or {@code poll}
 */
public record GetOptions(
        boolean print,
        Optional<Duration> timeout,
        boolean quiet,
        boolean timing,
        boolean inOrder,
        int retries,
        OptionalLong seed,
        boolean showStack,
        String selector) {

    /** Every option at its default. */
    public static GetOptions defaults() {
        return new GetOptions(false, Optional.empty(), false, false, false, 0, OptionalLong.empty(), false, "epoll");
    }
}
