package org.slowpoetry.servers;

import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slowpoetry.cli.UserException;

/**
 * Finds {@link ServerImpl} plugins (listed in {@code META-INF/services/org.slowpoetry.servers.ServerImpl})
 * by name.
 *
 * <p><b>Threading:</b> thread-safe: each call loads the plugins afresh with a new
 * {@link ServiceLoader}, and shares nothing.
 */
public final class ServerImpls {
    /** Impls the roadmap promises, named in errors until they exist. */
    static final List<String> PLANNED = List.of("blocking", "loom", "reactor");

    private ServerImpls() {
    }

    /** Every impl on the class path, sorted by name. */
    public static List<ServerImpl> all() {
        return ServiceLoader.load(ServerImpl.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(ServerImpl::name))
                .toList();
    }

    /** The impls that serve {@code kind}. */
    public static List<ServerImpl> serving(ServerKind kind) {
        return all().stream().filter(i -> i.kinds().contains(kind)).toList();
    }

    /**
     * The impl called {@code name} that serves {@code kind}.
     *
     * @throws UserException naming the impls that serve {@code kind}, and the planned ones still
     *                       to come: {@code unknown impl 'x' for serve slow; available: blocking
     *                       (coming: loom, reactor)}
     */
    public static ServerImpl find(String name, ServerKind kind) {
        List<ServerImpl> available = serving(kind);
        for (ServerImpl impl : available) {
            if (impl.name().equals(name)) {
                return impl;
            }
        }
        String have = available.isEmpty() ? "none"
                : available.stream().map(ServerImpl::name).collect(Collectors.joining(", "));
        if (all().stream().anyMatch(i -> i.name().equals(name))) {
            throw new UserException("impl '" + name + "' cannot serve " + kind.command() + "; available: " + have);
        }
        List<String> coming = PLANNED.stream()
                .filter(p -> available.stream().noneMatch(i -> i.name().equals(p)))
                .toList();
        throw new UserException("unknown impl '" + name + "' for serve " + kind.command()
                + "; available: " + have
                + (coming.isEmpty() ? "" : " (coming: " + String.join(", ", coming) + ")"));
    }
}
