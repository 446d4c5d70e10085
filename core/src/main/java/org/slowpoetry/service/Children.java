package org.slowpoetry.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The children of a multi-service, of either kind: their order, unique names, and the rule that
 * the tree is built before it starts. Twisted's {@code IServiceCollection}.
 *
 * <p><b>Threading:</b> {@link #add} on the thread building the tree, before the parent starts;
 * the lists it hands out are copies, safe from any thread. Guarded by {@code this}.
 */
final class Children<S extends Service> {
    private final Service owner;
    /** Guarded by this. */
    private final List<S> list = new ArrayList<>();

    Children(Service owner) {
        this.owner = owner;
    }

    /**
     * Adds {@code child} last.
     *
     * @throws IllegalStateException if the owner has started, the child belongs to another parent,
     *                               or a sibling has its name
     */
    synchronized <T extends S> T add(T child) {
        Objects.requireNonNull(child, "child");
        if (owner.state() != ServiceState.NEW) {
            throw new IllegalStateException("cannot add " + child.name() + " to " + owner.name()
                    + ": it is " + owner.state() + " (build the tree before starting it)");
        }
        if (child.state() != ServiceState.NEW) {
            throw new IllegalStateException("cannot add " + child.name() + " to " + owner.name()
                    + ": it is " + child.state() + " (a parent starts its children)");
        }
        if (child == owner) {
            throw new IllegalArgumentException(owner.name() + " cannot contain itself");
        }
        if (find(child.name()).isPresent()) {
            throw new IllegalStateException(owner.name() + " already has a service named " + child.name());
        }
        switch (child) {
            case LoomService s -> s.adoptedBy(owner.name());
            case ReactorService s -> s.adoptedBy(owner.name());
        }
        list.add(child);
        return child;
    }

    synchronized Optional<S> find(String name) {
        return list.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** In the order added. */
    synchronized List<S> inOrder() {
        return List.copyOf(list);
    }

    /** {@code failures} merged into one: the first, the others suppressed by it; null if none. */
    static ServiceException merge(ServiceException first, ServiceException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
