package org.slowpoetry.servers.plugins;

import java.util.Locale;

/**
 * How a plugin's server is written, its {@code --impl}: on the shared reactor, a virtual thread per
 * client, or (slow poetry only) the Erlang-style process tree.
 *
 * <p><b>Threading:</b> immutable.
 */
enum Impl {
    REACTOR,
    LOOM,
    ERLANG;

    /** The {@code --impl} name. */
    String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
