package org.slowpoetry.fetch;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.slowpoetry.reactor.ConnectionClosed;
import org.slowpoetry.reactor.ConnectionDone;
import org.slowpoetry.reactor.ConnectionLost;
import org.slowpoetry.reactor.DelayedCall;
import org.slowpoetry.reactor.EventLoop;
import org.slowpoetry.reactor.Protocol;

/**
 * The client side of the poetry protocol on the reactor (Part 5's {@code PoetryProtocol}): it feeds
 * what arrives into the download's {@link PoemDownload} and tells the {@link PoemSink} about each
 * chunk and about the end. It is the same for every client version from 2.0 on, as the text's is;
 * the versions differ only in their sink.
 *
 * <p>It also keeps the idle-read timeout ({@link FetchSettings#timeout()}): a {@code callLater}
 * armed when the connection is made, pushed back by every chunk, cancelled when the poem ends. If
 * it runs, the server has been silent that long: the download ends
 * {@linkplain PoemDownload#timedOut() timed out} and the connection is aborted.
 *
 * <p><b>Threading:</b> the reactor calls it on its thread, one callback at a time, so its state
 * needs no lock.
 */
final class PoetryClientProtocol extends Protocol {

    /* Implementation overview
     *
     * Three things can end the download: the connection ending (connectionLost), bytes that cannot be
     * a poem (dataReceived: past the limit, or a broken frame), the idle timer (timedOut). Whichever comes first ends the
     * PoemDownload and tells the sink; the download's ENDED state makes the others do nothing. The
     * two that end it while the connection is still up then abort the connection, whose
     * connectionLost arrives later and finds the download ended.
     */

    private final PoemDownload download;
    private final PoemSink sink;
    private final EventLoop loop;
    /** Armed by connectionMade, reset by each chunk, cancelled at the end; reactor thread only. */
    private DelayedCall idleTimer;

    PoetryClientProtocol(PoemDownload download, PoemSink sink, EventLoop loop) {
        this.download = Objects.requireNonNull(download, "download");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    @Override
    protected void connectionMade() {
        download.connected();
        idleTimer = loop.callLater(download.settings().timeout(), this::timedOut);
    }

    @Override
    public void dataReceived(ByteBuffer data) {
        if (download.state() == PoemDownload.State.ENDED) {
            return; // a chunk already read when the download was cut off
        }
        int bytes = data.remaining();
        idleTimer.reset(download.settings().timeout());
        var refused = download.append(data); // copies: the buffer is the reactor's, ours only now
        if (refused.isPresent()) {
            end(refused.get());
            transport().abortConnection();
        } else {
            sink.chunk(bytes);
        }
    }

    @Override
    public void connectionLost(ConnectionClosed reason) {
        if (download.state() == PoemDownload.State.ENDED) {
            return; // cut off by bad bytes or the timer, which told the sink
        }
        end(switch (reason) {
            case ConnectionDone done -> download.end();
            case ConnectionLost(Throwable cause) -> download.failed(cause);
        });
    }

    /** The server was silent for the whole timeout. */
    private void timedOut() {
        end(download.timedOut());
        transport().abortConnection();
    }

    private void end(PoemResult result) {
        if (idleTimer.active()) {
            idleTimer.cancel();
        }
        sink.ended(result);
    }
}
