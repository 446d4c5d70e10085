package org.slowpoetry.servers.run;

import java.util.ArrayList;
import java.util.List;
import org.slowpoetry.service.LoomMultiService;
import org.slowpoetry.service.ReactorMultiService;
import org.slowpoetry.service.Service;

/**
 * The services of a tree in the order they finish starting, and stopping: a multi-service starts
 * its children in order and has started once the last of them has; it stops them in reverse and
 * has stopped once the first of them has. For the runner's log lines.
 *
 * <p><b>Threading:</b> stateless; reads the tree's child lists, which are fixed once it has started.
 */
final class ServiceTree {
    private ServiceTree() {
    }

    /** Every service under {@code top} and {@code top} itself, each after its children, in start order. */
    static List<Service> startOrder(Service top) {
        List<Service> order = new ArrayList<>();
        walk(top, false, order);
        return order;
    }

    /** Every service under {@code top} and {@code top} itself, each after its children, in stop order. */
    static List<Service> stopOrder(Service top) {
        List<Service> order = new ArrayList<>();
        walk(top, true, order);
        return order;
    }

    private static void walk(Service service, boolean reversed, List<Service> order) {
        List<? extends Service> children = switch (service) {
            case LoomMultiService multi -> multi.services();
            case ReactorMultiService multi -> multi.services();
            default -> List.of();
        };
        for (Service child : reversed ? children.reversed() : children) {
            walk(child, reversed, order);
        }
        order.add(service);
    }
}
