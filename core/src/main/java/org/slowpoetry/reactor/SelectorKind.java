package org.slowpoetry.reactor;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.channels.Selector;
import java.nio.channels.spi.SelectorProvider;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which system call a {@link Reactor} waits in, chosen with {@code --selector}: the Java
 * counterpart of installing Twisted's {@code selectreactor} or {@code pollreactor} (Part 3). The
 * programs behave the same on both; only how the kernel is asked differs.
 *
 * <p><b>Threading:</b> immutable; {@link #open()} is thread-safe.
 */
public enum SelectorKind {

    /**
     * The JDK's default provider: {@code epoll(7)} on Linux ({@code kqueue} on macOS). Always
     * available; the fast choice for many connections, since the kernel keeps the interest set.
     */
    EPOLL("epoll") {
        @Override
        SelectorProvider provider() {
            return SelectorProvider.provider();
        }
    },

    /**
     * {@code poll(2)}, through the JDK's own {@code sun.nio.ch.PollSelectorProvider}: every wait
     * hands the kernel the whole descriptor array, as Twisted's {@code pollreactor} does.
     *
     * <p>On JDK 25 the class exists (Linux and macOS), is public, but lives in a package
     * {@code java.base} does not export, so reflection needs the JVM flag
     * {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED} (the launcher and the build pass it).
     * Alternatively {@code -Djava.nio.channels.spi.SelectorProvider=sun.nio.ch.PollSelectorProvider}
     * needs no export, because {@code java.base} instantiates it itself, but it makes poll the
     * default for every selector and channel in the JVM; when that property is set, this kind uses
     * it. Without either, {@link #open()} throws {@link SelectorUnavailableException} saying so.
     */
    POLL("poll") {
        @Override
        SelectorProvider provider() {
            return PollProvider.get();
        }
    };

    private final String id;

    SelectorKind(String id) {
        this.id = id;
    }

    /** The {@code --selector} name: {@code epoll} or {@code poll}. */
    public String id() {
        return id;
    }

    /**
     * The kind called {@code name} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the input and the choices
     */
    public static SelectorKind fromName(String name) {
        for (SelectorKind kind : values()) {
            if (kind.id.equalsIgnoreCase(String.valueOf(name).strip())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown selector '" + name + "'; choose one of: "
                + Arrays.stream(values()).map(SelectorKind::id).collect(Collectors.joining(", ")));
    }

    /**
     * Opens a new selector of this kind. Channels for it are best opened from
     * {@code selector.provider()}, as the reactor does.
     *
     * @throws SelectorUnavailableException if this JVM cannot give this kind (the message says why
     *     and which flag fixes it)
     * @throws IOException if the selector cannot be opened (out of file descriptors)
     */
    public Selector open() throws IOException {
        return provider().openSelector();
    }

    /** Whether {@link #open()} can work in this JVM. */
    public boolean available() {
        try {
            provider();
            return true;
        } catch (SelectorUnavailableException e) {
            return false;
        }
    }

    abstract SelectorProvider provider();

    @Override
    public String toString() {
        return id;
    }

    /** Looks the poll provider up once, on first use (class initialization is thread-safe). */
    private static final class PollProvider {
        static final String CLASS_NAME = "sun.nio.ch.PollSelectorProvider";
        private static final Object PROVIDER_OR_ERROR = lookUp();

        static SelectorProvider get() {
            if (PROVIDER_OR_ERROR instanceof SelectorUnavailableException e) {
                // a fresh exception, so every caller gets its own stack trace
                throw new SelectorUnavailableException(e.getMessage(), e.getCause());
            }
            return (SelectorProvider) PROVIDER_OR_ERROR;
        }

        private static Object lookUp() {
            SelectorProvider system = SelectorProvider.provider();
            if (system.getClass().getName().equals(CLASS_NAME)) {
                return system; // -Djava.nio.channels.spi.SelectorProvider=sun.nio.ch.PollSelectorProvider
            }
            Class<?> type;
            try {
                type = Class.forName(CLASS_NAME);
            } catch (ClassNotFoundException e) {
                return new SelectorUnavailableException("selector 'poll' is not available: this JDK ("
                        + System.getProperty("java.vm.name") + " " + Runtime.version() + " on "
                        + System.getProperty("os.name").toLowerCase(Locale.ROOT) + ") has no "
                        + CLASS_NAME + "; use --selector epoll", e);
            }
            try {
                return type.getConstructor().newInstance();
            } catch (IllegalAccessException e) {
                return new SelectorUnavailableException("selector 'poll' needs the JVM option "
                        + "--add-exports java.base/sun.nio.ch=ALL-UNNAMED (" + CLASS_NAME
                        + " is in a package java.base does not export); or use --selector epoll", e);
            } catch (ReflectiveOperationException | ClassCastException e) {
                Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
                return new SelectorUnavailableException("selector 'poll' could not be created: " + cause, cause);
            }
        }
    }
}
