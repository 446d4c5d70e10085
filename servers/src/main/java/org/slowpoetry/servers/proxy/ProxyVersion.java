package org.slowpoetry.servers.proxy;

/**
 * The text's three poetry proxies ({@code --version}). All three serve the same bytes; they differ
 * in how the reactor proxy gets its poem, and in what happens when a client leaves early.
 *
 * <p><b>Threading:</b> immutable.
 */
public enum ProxyVersion {
    /** Proxy 1.0 (Part 14): the service answers a poem or a Deferred; {@code maybeDeferred} evens them out. */
    V1,
    /** Proxy 2.0 (Part 14): the service always answers a Deferred, already fired ({@code succeed}) for a cached poem. */
    V2,
    /** Proxy 3.0 (Part 19): as 2.0, and a client that leaves cancels the download ({@code Canceling poem download.}). */
    V3;

    /** The {@code --version} number: 1, 2 or 3. */
    public int number() {
        return ordinal() + 1;
    }

    /**
     * The version numbered {@code n}.
     *
     * @throws IllegalArgumentException unless {@code n} is 1, 2 or 3
     */
    public static ProxyVersion of(int n) {
        if (n < 1 || n > values().length) {
            throw new IllegalArgumentException("no proxy version " + n + " (there are 1, 2 and 3)");
        }
        return values()[n - 1];
    }

    /** Whether a client that leaves before its poem gives up its claim on the download. */
    public boolean cancelsOnDisconnect() {
        return this == V3;
    }
}
