package org.slowpoetry.clients;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.slowpoetry.protocol.Address;

/**
 * A test-only style (registered in the test class path's {@code META-INF/services}) that declares
 * every {@link GetOption} and fetches nothing: it keeps the options it was given, so tests can see
 * what {@code get} parsed.
 */
public final class OptionsEchoStyle implements ClientStyle {
    /** The options of the last fetch. Written by fetch, read by the test thread after execute returns. */
    static final AtomicReference<GetOptions> LAST = new AtomicReference<>();

    @Override
    public String name() {
        return "test-options";
    }

    @Override
    public String description() {
        return "tests only: accepts every option, fetches nothing";
    }

    @Override
    public Set<GetOption> options() {
        return EnumSet.allOf(GetOption.class);
    }

    /** Every option, but poetry servers only: each address is a poem's. */
    @Override
    public boolean takesTransformAddress() {
        return false;
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) {
        LAST.set(run.options());
        return IntStream.range(0, addresses.size())
                .mapToObj(i -> (TaskOutcome) new TaskOutcome.Fetched(i + 1, addresses.get(i), new byte[0], Duration.ZERO))
                .toList();
    }
}
