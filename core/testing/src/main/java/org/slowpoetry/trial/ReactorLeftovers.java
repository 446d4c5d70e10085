package org.slowpoetry.trial;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slowpoetry.reactor.Connector;
import org.slowpoetry.reactor.DelayedCall;
import org.slowpoetry.reactor.Descriptor;
import org.slowpoetry.reactor.ListeningPort;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.reactor.ReadDescriptor;
import org.slowpoetry.reactor.Transport;

/**
 * What a reactor still holds, one readable line each: trial's dirty-reactor check, for
 * {@link DirtyReactorError}.
 *
 * <p><b>Threading:</b> {@link #of} runs on the reactor's thread (the reactor checks).
 */
final class ReactorLeftovers {

    private ReactorLeftovers() {
    }

    /** Pending calls, listening ports, open connections, then any other reader or writer. */
    static List<String> of(Reactor reactor) {
        List<String> left = new ArrayList<>();
        long now = reactor.clock().nanoTime();
        for (DelayedCall call : reactor.pendingCalls()) {
            left.add(String.format(Locale.ROOT, "pending call due in %.2f s: %s", (call.time() - now) / 1e9, call));
        }
        Set<Object> named = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ListeningPort port : reactor.listeningPorts()) {
            named.add(port);
            left.add("listening port " + Addresses.text(port.address()));
        }
        for (Transport connection : reactor.connections()) {
            named.add(connection);
            left.add("open connection to " + Addresses.text(connection.getPeer())
                    + " (from " + Addresses.text(connection.getHost()) + ")");
        }
        List<Descriptor> others = new ArrayList<>(reactor.getReaders());
        others.addAll(reactor.getWriters());
        for (Descriptor d : others) {
            if (named.add(d)) {
                left.add(switch (d) {
                    case Connector connect -> "connect in progress to " + Addresses.text(connect.getDestination());
                    case ReadDescriptor reader -> "reader " + reader;
                    default -> "writer " + d;
                });
            }
        }
        return left;
    }
}
