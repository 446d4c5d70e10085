package org.slowpoetry.reactor;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A protocol for tests on real sockets: records what arrives and how the connection ended, in a
 * form the test thread can read while the reactor thread writes, and runs optional actions.
 *
 * <p><b>Threading:</b> callbacks on the reactor thread; the accessors from any thread (the bytes
 * under the object's monitor, the rest in concurrent types).
 */
class Recorder extends Protocol {
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    /** Completed on the reactor thread when connectionMade runs. */
    final CompletableFuture<Transport> made = new CompletableFuture<>();
    /** Completed on the reactor thread when connectionLost runs. */
    final CompletableFuture<ConnectionClosed> lost = new CompletableFuture<>();
    /** Every callback by name, in order. */
    final List<String> events = new CopyOnWriteArrayList<>();
    private final Consumer<Recorder> onMade;

    Recorder() {
        this(r -> { });
    }

    /** A recorder that runs {@code onMade} in connectionMade. */
    Recorder(Consumer<Recorder> onMade) {
        this.onMade = onMade;
    }

    /** The transport, for actions on the reactor thread. */
    Transport t() {
        return transport();
    }

    @Override
    protected void connectionMade() {
        events.add("connectionMade");
        made.complete(transport());
        onMade.accept(this);
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        if (!data.isReadOnly()) {
            throw new AssertionError("dataReceived must get a read-only view");
        }
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        synchronized (this) {
            received.writeBytes(bytes);
        }
        events.add("dataReceived");
    }

    @Override
    public void connectionLost(ConnectionClosed reason) {
        events.add("connectionLost");
        lost.complete(reason);
    }

    synchronized byte[] bytes() {
        return received.toByteArray();
    }

    synchronized int size() {
        return received.size();
    }

    String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }
}
