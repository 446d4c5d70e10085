package org.slowpoetry.clients.reactor;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.slowpoetry.protocol.LimitExceededException;
import org.slowpoetry.protocol.PoemAccumulator;
import org.slowpoetry.reactor.ConnectionClosed;
import org.slowpoetry.reactor.ConnectionDone;
import org.slowpoetry.reactor.ConnectionLost;
import org.slowpoetry.reactor.Protocol;

/**
 * The client side of the poetry protocol on the reactor (Part 5's {@code PoetryProtocol}), the one
 * every client from 2.0 to 8.0 uses: it collects the poem as it arrives and, when the connection
 * ends, hands it to its factory. The text re-uses its protocol unchanged from version to version
 * ("the PoetryProtocol itself doesn't need to change at all"); so does this code, and the versions
 * differ only in their {@link PoetryClientFactory}.
 *
 * {@snippet :
 * // what the reactor does with it, for each connection:
 * PoetryProtocol protocol = (PoetryProtocol) factory.buildProtocol(peer);
 * protocol.makeConnection(transport);     // Part 5, Figures 8 and 9
 * protocol.dataReceived(chunk);           // as bytes arrive: the factory hears of each chunk
 * protocol.connectionLost(new ConnectionDone()); // the server closed: the factory gets the poem
 * }
 *
 * <p>The poem ends when the server closes the connection cleanly ({@link ConnectionDone}); a
 * connection that breaks ({@link ConnectionLost}: reset, or the reactor stopping) is reported to
 * the factory as a failure with the bytes that came. (The text's protocol ignores the reason and
 * calls any end a poem.)
 *
 * <p><b>Threading:</b> the reactor calls it on its thread, one callback at a time, so its state
 * needs no lock.
 */
public final class PoetryProtocol extends Protocol {
    private final PoetryClientFactory factory;
    /** The poem so far; reactor thread only. */
    private final PoemAccumulator poem = new PoemAccumulator();

    PoetryProtocol(PoetryClientFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        int bytes = data.remaining();
        poem.append(data); // copies: the buffer is the reactor's, and only ours during this call
        factory.chunkArrived(bytes, transport());
    }

    @Override
    public void connectionLost(ConnectionClosed reason) {
        switch (reason) {
            case ConnectionDone done -> factory.poemArrived(poem.finish());
            case ConnectionLost(Throwable cause) -> factory.downloadBroke(cause,
                    cause instanceof LimitExceededException ? new byte[0] : poem.finish());
        }
    }
}
