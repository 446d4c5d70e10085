package org.slowpoetry.clients.reactor.raw;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.clients.reactor.ReactorFetch;
import org.slowpoetry.fetch.PoemDownload;
import org.slowpoetry.reactor.ConnectionClosed;
import org.slowpoetry.reactor.ConnectionDone;

/**
 * The deliberately broken {@link PoetrySocket} of Part 4's {@code get-poetry-broken.py}: its
 * {@link #doRead()} does not return until the server has sent the whole poem. So while it reads one
 * poem, the reactor can do nothing else, and the poems arrive one after another, exactly as the
 * blocking client's do: "we've turned our nominally asynchronous program into a synchronous one."
 *
 * <p>The text's broken client simply leaves its socket in blocking mode. Java does not allow that
 * for a channel registered with a selector, so this {@code doRead} waits the way a blocking
 * {@code recv} does, with a {@link Selector} of its own: a wait the reactor cannot interrupt, since
 * the reactor's thread is the one waiting. (It does still gain from the servers writing into the
 * kernel's buffers meanwhile, as the text explains: the next socket's bytes are already there.)
 * The reactor's timers cannot run during that wait either, so the {@code --timeout} is the wait's
 * own: a server silent that long ends the download timed out.
 *
 * <p><b>Threading:</b> as {@link PoetrySocket}. It blocks the reactor thread by design; an
 * interrupted fetch waits for the poem being read to end (or to time out).
 */
public final class BrokenPoetrySocket extends PoetrySocket {

    BrokenPoetrySocket(PoemTask task, ReactorFetch fetch, SocketChannel channel, PoemDownload download) {
        super(task, fetch, channel, download);
    }

    /** Reads until the server closes, waiting whenever nothing has arrived yet: it blocks. */
    @Override
    public Optional<ConnectionClosed> doRead() throws IOException {
        long timeoutMillis = fetch().settings().timeoutMillis();
        int got = 0;
        try (Selector ownWait = Selector.open()) {
            channel().register(ownWait, SelectionKey.OP_READ);
            for (int n; (n = read()) >= 0; ) {
                if (n > 0) {
                    got += n;
                } else if (ownWait.select(ready -> { }, timeoutMillis) == 0) { // blocks the whole reactor
                    timedOutWhileReading();
                    break;
                }
            }
        } finally {
            if (got > 0) {
                fetch().lines().gotChunk(task().number(), got, task().address());
            }
        }
        return Optional.of(new ConnectionDone());
    }

    /** The broken client never says {@code Task N finished}; a failure is still one line on stderr. */
    @Override
    void printEnd(TaskOutcome outcome) {
        if (outcome instanceof TaskOutcome.Failed failed) {
            fetch().lines().failed(failed.task(), failed.failure());
        }
    }
}
