package org.slowpoetry.clients.loom;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.GetOption;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.protocol.Address;

/**
 * The Loom version of a reactor client of the text (clients 3.0 to 8.0): a {@code get} style named
 * after the reactor style it is the twin of, with {@code -loom} added ({@code callbacks-loom} is
 * the twin of {@code callbacks}), taking the same options, less the reactor's
 * {@code --selector}, and printing the same lines on the same streams. Each twin runs a virtual
 * thread per poem with plain blocking code; its Javadoc says which reactor idiom became which
 * piece of code.
 *
 * <p><b>Threading:</b> immutable; {@link #fetch} runs on the calling thread, which owns the
 * scope of the tasks' threads: when it returns or throws, every one of them has ended.
 */
abstract sealed class ReactorClientTwin implements ClientStyle
        permits LoomCallbackClient, LoomErrbackClient, LoomDeferredClient, LoomCummingsifyClient,
        LoomCummingsifyErrbackClient, LoomInlineClient, LoomDeferredListClient {

    /**
     * How a twin fetches: {@link ClientStyle#fetch}, with the name to give the scope of its threads.
     *
     * <p><b>Threading:</b> called on the thread that calls {@link #fetch}, which owns the scope.
     */
    @FunctionalInterface
    interface Fetch {
        List<TaskOutcome> fetch(List<Address> addresses, ClientRun run, String scopeName) throws InterruptedException;
    }

    private final String twinOf;
    private final String description;
    private final Set<GetOption> options;
    private final Fetch fetch;

    ReactorClientTwin(String twinOf, String description, Set<GetOption> options, Fetch fetch) {
        this.twinOf = Objects.requireNonNull(twinOf, "twinOf");
        this.description = Objects.requireNonNull(description, "description");
        this.options = Set.copyOf(options);
        this.fetch = Objects.requireNonNull(fetch, "fetch");
    }

    /** The reactor style this is the Loom version of; {@link #name()} is this and {@code -loom}. */
    final String twinOf() {
        return twinOf;
    }

    @Override
    public final String name() {
        return twinOf + "-loom";
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Set<GetOption> options() {
        return options;
    }

    @Override
    public final List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        return fetch.fetch(addresses, run, name());
    }
}
