package org.slowpoetry.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.fetch.PoemResult;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.time.ManualClock;

/** The cache's state machine on a scripted upstream and a manual clock: no sockets, no real time. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PoemCacheTest {

    private static final byte[] POEM = "one poem\n".getBytes(StandardCharsets.UTF_8);
    private static final Address UPSTREAM = new Address("127.0.0.1", 10001);

    /** An upstream whose downloads the test ends by hand. Test thread only. */
    private static final class ScriptedUpstream implements Upstream {
        final List<Consumer<PoemResult>> started = new ArrayList<>();
        int cancelled;

        @Override
        public Download start(Consumer<PoemResult> whenDone) {
            started.add(whenDone);
            return () -> cancelled++;
        }

        void finishLast(PoemResult result) {
            started.getLast().accept(result);
        }
    }

    private final ScriptedUpstream upstream = new ScriptedUpstream();
    private final ManualClock clock = new ManualClock();
    private final PoemCache cache = new PoemCache(upstream, Duration.ofMinutes(5), clock);

    @Test
    void requestsWhileADownloadIsInFlightJoinItAndTheUpstreamIsAskedOnce() {
        Ticket first = assertInstanceOf(Request.Fetching.class, cache.request()).ticket();
        List<PoemResult> results = new ArrayList<>();
        first.onDone(results::add);
        for (int i = 0; i < 9; i++) {
            assertInstanceOf(Request.Joined.class, cache.request()).ticket().onDone(results::add);
        }
        assertEquals(PoemCache.State.FETCHING, cache.state());

        upstream.finishLast(new PoemResult.Poem(POEM));

        assertEquals(1, upstream.started.size());
        assertEquals(10, results.size());
        results.forEach(r -> assertArrayEquals(POEM, assertInstanceOf(PoemResult.Poem.class, r).poem()));
        assertEquals(PoemCache.State.CACHED, cache.state());
    }

    @Test
    void aCachedPoemIsServedUntilItIsAsOldAsTheTtlThenFetchedAgain() {
        cache.request();
        upstream.finishLast(new PoemResult.Poem(POEM));

        clock.advance(Duration.ofMinutes(5).minusNanos(1));
        ByteBuffer cached = assertInstanceOf(Request.Cached.class, cache.request()).poem();
        assertEquals(POEM.length, cached.remaining());

        clock.advance(Duration.ofNanos(1));
        assertEquals(PoemCache.State.EMPTY, cache.state());
        assertInstanceOf(Request.Fetching.class, cache.request());
        assertEquals(2, upstream.started.size());
    }

    @Test
    void aFailedDownloadFailsEveryWaiterAndLeavesTheCacheEmpty() {
        Ticket first = assertInstanceOf(Request.Fetching.class, cache.request()).ticket();
        Ticket second = assertInstanceOf(Request.Joined.class, cache.request()).ticket();
        var refused = new PoemResult.Failed(new FetchFailure.Refused(UPSTREAM), new byte[0]);

        upstream.finishLast(refused);

        assertTrue(first.done());
        assertTrue(second.done());
        assertEquals(PoemCache.State.EMPTY, cache.state());
        assertInstanceOf(Request.Fetching.class, cache.request());
        assertEquals(2, upstream.started.size());
    }

    @Test
    void theDownloadIsCancelledOnlyWhenItsLastTicketIsWithdrawn() {
        Ticket first = assertInstanceOf(Request.Fetching.class, cache.request()).ticket();
        Ticket second = assertInstanceOf(Request.Joined.class, cache.request()).ticket();

        first.withdraw();
        assertEquals(0, upstream.cancelled);
        assertEquals(PoemCache.State.FETCHING, cache.state());

        second.withdraw();
        assertEquals(1, upstream.cancelled);
        assertEquals(PoemCache.State.EMPTY, cache.state());
    }

    @Test
    void aResultArrivingAfterTheCancelIsDropped() {
        Ticket ticket = assertInstanceOf(Request.Fetching.class, cache.request()).ticket();
        ticket.withdraw();

        upstream.finishLast(new PoemResult.Poem(POEM));

        assertFalse(ticket.done());
        assertEquals(PoemCache.State.EMPTY, cache.state());
    }

    @Test
    void awaitReturnsTheResultOnAnotherThread() throws Exception {
        Ticket ticket = assertInstanceOf(Request.Fetching.class, cache.request()).ticket();
        Thread finisher = Thread.ofVirtual().start(() -> upstream.finishLast(new PoemResult.Poem(POEM)));
        assertArrayEquals(POEM, assertInstanceOf(PoemResult.Poem.class, ticket.await()).poem());
        finisher.join();
    }

    @Test
    void closingCancelsTheDownloadWithdrawsItsTicketsAndRefusesRequests() {
        Ticket ticket = assertInstanceOf(Request.Fetching.class, cache.request()).ticket();

        cache.close();

        assertEquals(1, upstream.cancelled);
        assertThrows(CancellationException.class, ticket::await);
        assertThrows(IllegalStateException.class, cache::request);
    }

    @Test
    void aTicketHasOneListener() {
        Ticket ticket = assertInstanceOf(Request.Fetching.class, cache.request()).ticket();
        ticket.onDone(r -> { });
        assertThrows(IllegalStateException.class, () -> ticket.onDone(r -> { }));
    }
}
