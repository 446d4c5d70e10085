package org.slowpoetry.clients.reactor;

import java.net.SocketAddress;
import java.util.Objects;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.reactor.ClientFactory;
import org.slowpoetry.reactor.Connector;
import org.slowpoetry.reactor.Protocol;
import org.slowpoetry.reactor.Transport;

/**
 * The base of every poetry client factory from 2.0 on (Part 5's {@code PoetryClientFactory}): it
 * builds a {@link PoetryProtocol} for the connection, keeps the task's books, and leaves one
 * question to each version, the one the text keeps re-answering: <em>how does the poem (or the
 * failure) reach the code that asked for it?</em>
 *
 * {@snippet :
 * final class DeferredPoetryFactory extends PoetryClientFactory {      // client 4.0
 *     private Deferred<String> deferred;
 *
 *     @Override
 *     protected void poemFinished(byte[] poem) {
 *         deferred.callback(new String(poem, StandardCharsets.UTF_8));
 *     }
 *
 *     @Override
 *     protected void poemFailed(Throwable reason) {
 *         deferred.errback(reason);
 *     }
 * }
 * }
 *
 * <p>Each factory serves one connection, to one task's address. (The text's 2.0 shares one factory
 * among all connections and numbers the tasks as their protocols are built; here task N is always
 * the Nth address, whatever order the connections are made in.)
 *
 * <p>What the base does for every version: {@link #startedConnecting} starts the task;
 * each chunk is counted in the task before {@link #chunkReceived}; a refused connect
 * ({@link #clientConnectionFailed}, Part 5: "the factory gets the news when a connection cannot be
 * established") or a broken connection is recorded in the task with its one-line reason before
 * {@link #connectFailed} or {@link #poemFailed}.
 *
 * <p><b>Threading:</b> the reactor calls every method on its thread.
 */
public abstract class PoetryClientFactory implements ClientFactory {
    private final PoemTask task;

    protected PoetryClientFactory(PoemTask task) {
        this.task = Objects.requireNonNull(task, "task");
    }

    /** The task this factory's connection fetches for. */
    protected final PoemTask task() {
        return task;
    }

    /** Twisted's {@code buildProtocol}: the one poetry protocol, reporting to this factory. */
    @Override
    public final Protocol buildProtocol(SocketAddress address) {
        return new PoetryProtocol(this);
    }

    @Override
    public final void startedConnecting(Connector connector) {
        task.start();
    }

    @Override
    public final void clientConnectionFailed(Connector connector, Throwable reason) {
        task.downloadFailed(reason, PoetryLines.cannotConnect(task.address(), reason), new byte[0]);
        connectFailed(connector, reason);
    }

    /**
     * The connect failed: by default the same news as any other lost poem, {@link #poemFailed}.
     * Clients 2.0 and 2.1 say {@code Failed to connect to: ...} here.
     */
    protected void connectFailed(Connector connector, Throwable reason) {
        poemFailed(reason);
    }

    /**
     * A chunk of {@code bytes} bytes arrived on {@code transport}. Does nothing by default; client
     * 2.0 prints a line for each.
     */
    protected void chunkReceived(int bytes, Transport transport) {
    }

    /** The server sent its poem and closed the connection: deliver {@code poem}. */
    protected abstract void poemFinished(byte[] poem);

    /**
     * There is no poem: the connect failed or the connection broke, for {@code reason} (a
     * {@link java.net.ConnectException}, a {@link java.net.SocketException} for a reset, ...).
     * The task has recorded why; deliver the failure.
     */
    protected abstract void poemFailed(Throwable reason);

    /** From the protocol: count the chunk, then {@link #chunkReceived}. */
    final void chunkArrived(int bytes, Transport transport) {
        task.received(bytes);
        chunkReceived(bytes, transport);
    }

    /** From the protocol: the server closed cleanly. */
    final void poemArrived(byte[] poem) {
        poemFinished(poem);
    }

    /** From the protocol: the connection broke after {@code partial}. */
    final void downloadBroke(Throwable cause, byte[] partial) {
        task.downloadFailed(cause, PoetryLines.connectionLost(task.address(), task.received(), cause), partial);
        poemFailed(cause);
    }
}
