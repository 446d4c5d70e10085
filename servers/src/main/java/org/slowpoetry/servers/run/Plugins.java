package org.slowpoetry.servers.run;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The plugins {@code slowpoetry run} can run: every {@link ServiceMaker} on the class path, found
 * with {@link ServiceLoader} as twistd finds its {@code IServiceMaker} plugins (Part 16).
 *
 * <p><b>Threading:</b> stateless; each call loads the plugins afresh, on the calling thread.
 */
final class Plugins {
    /** The width of the name column in {@link #listing()}. */
    private static final int NAME_COLUMN = 13;

    private Plugins() {
    }

    /**
     * Every plugin, by name.
     *
     * @throws IllegalStateException if two plugins have the same name (a packaging mistake)
     */
    static List<ServiceMaker<?>> all() {
        List<ServiceMaker<?>> makers = ServiceLoader.load(ServiceMaker.class).stream()
                .<ServiceMaker<?>>map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(ServiceMaker::name))
                .toList();
        for (int i = 1; i < makers.size(); i++) {
            if (makers.get(i).name().equals(makers.get(i - 1).name())) {
                throw new IllegalStateException("two plugins are called " + makers.get(i).name() + ": "
                        + makers.get(i - 1).getClass().getName() + " and " + makers.get(i).getClass().getName());
            }
        }
        return makers;
    }

    /** The plugin called {@code name}, if there is one. */
    static Optional<ServiceMaker<?>> find(String name) {
        return all().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The plugins' names, {@code fastpoetry, proxy, ...}, for messages. */
    static String names() {
        List<ServiceMaker<?>> all = all();
        return all.isEmpty() ? "(none installed)" : all.stream().map(ServiceMaker::name).collect(Collectors.joining(", "));
    }

    /** One line per plugin, name and description, as {@code twistd --help} lists them. */
    static String listing() {
        List<ServiceMaker<?>> all = all();
        if (all.isEmpty()) {
            return "  (none installed)" + System.lineSeparator();
        }
        return all.stream()
                .map(m -> "  " + padded(m.name()) + " " + m.description() + System.lineSeparator())
                .collect(Collectors.joining());
    }

    private static String padded(String name) {
        return name.length() >= NAME_COLUMN ? name : name + " ".repeat(NAME_COLUMN - name.length());
    }
}
