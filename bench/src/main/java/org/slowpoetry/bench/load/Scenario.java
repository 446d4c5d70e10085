package org.slowpoetry.bench.load;

import java.util.Arrays;
import java.util.Locale;
import org.slowpoetry.cli.UserException;
import org.slowpoetry.servers.ServerKind;

/**
 * What {@code bench load} measures. Each scenario names its size parameter (clients or held
 * connections) and the server kind it runs against.
 *
 * <p><b>Threading:</b> immutable constants.
 */
enum Scenario {
    /** N clients at once fetch the fast server's poem: time to serve them all, and each one's latency. */
    FAST("fast", ServerKind.FAST, "N"),
    /** 100 clients at once fetch a 1 MiB poem from the fast server: bulk transfer rate. */
    FAST_LARGE("fast-large", ServerKind.FAST, "clients"),
    /** C connections held open at once against a very slow server: memory and threads per connection. */
    SLOW_HOLD("slow-hold", ServerKind.SLOW, "C"),
    /** C slow clients to completion with a small delay: how close to the ideal time a server stays. */
    SLOW_THROUGHPUT("slow-throughput", ServerKind.SLOW, "C");

    private final String label;
    private final ServerKind kind;
    private final String param;

    Scenario(String label, ServerKind kind, String param) {
        this.label = label;
        this.kind = kind;
        this.param = param;
    }

    String label() {
        return label;
    }

    ServerKind kind() {
        return kind;
    }

    /** The name of the size parameter in tables: {@code N}, {@code C} or {@code clients}. */
    String param() {
        return param;
    }

    /**
     * The scenario called {@code label}.
     *
     * @throws UserException naming the scenarios there are
     */
    static Scenario of(String label) {
        for (Scenario s : values()) {
            if (s.label.equals(label.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new UserException("unknown scenario '" + label + "'; scenarios: "
                + String.join(", ", Arrays.stream(values()).map(Scenario::label).toList()));
    }
}
