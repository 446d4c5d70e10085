package org.slowpoetry.clients;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.protocol.Address;

/**
 * The options of one {@code get} run, parsed and checked. Fields a style did not declare in
 * {@link ClientStyle#options()} hold their defaults.
 *
 * <p><b>Threading:</b> immutable.
 *
 * @param fetch     every style's bounds: {@code --timeout} (connect and idle read), {@code --max-poem} (the largest poem), and
 *                  {@code --netstrings} (the poem's framing)
 * @param print     {@link GetOption#PRINT}
 * @param quiet     {@link GetOption#QUIET}
 * @param timing    {@link GetOption#TIMING}
 * @param inOrder   {@link GetOption#IN_ORDER}
 * @param retries   {@link GetOption#RETRIES}, 0 for none
 * @param seed      {@link GetOption#SEED}, empty for a random seed
 * @param showStack {@link GetOption#SHOW_STACK}
 * @param selector  {@link GetOption#SELECTOR}: {@code epoll} or {@code poll}
 * @param transformAddress the transform server, for the styles that {@linkplain ClientStyle#takesTransformAddress()
 *                  take one} first; empty: no transform step
 * @param xform     {@link GetOption#XFORM}: the transform's name
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
        String selector,
        Optional<Address> transformAddress,
        String xform) {

    /** The transform asked for when {@code --xform} is not given: the text's. */
    public static final String DEFAULT_XFORM = "cummingsify";

    public GetOptions {
        Objects.requireNonNull(transformAddress, "transformAddress");
        Objects.requireNonNull(xform, "xform");
    }

    /** The options of a style that takes no transform server. */
    public GetOptions(FetchSettings fetch, boolean print, boolean quiet, boolean timing, boolean inOrder, int retries,
            OptionalLong seed, boolean showStack, String selector) {
        this(fetch, print, quiet, timing, inOrder, retries, seed, showStack, selector, Optional.empty(), DEFAULT_XFORM);
    }

    /** Every option at its default. */
    public static GetOptions defaults() {
        return new GetOptions(FetchSettings.defaults(), false, false, false, false, 0, OptionalLong.empty(), false,
                "epoll");
    }

    /** These options with other fetch settings. */
    public GetOptions withFetch(FetchSettings settings) {
        return new GetOptions(settings, print, quiet, timing, inOrder, retries, seed, showStack, selector,
                transformAddress, xform);
    }

    /** These options with a transform server ({@code empty}: none) and the transform to ask it for. */
    public GetOptions withTransform(Optional<Address> server, String name) {
        return new GetOptions(fetch, print, quiet, timing, inOrder, retries, seed, showStack, selector, server, name);
    }
}
