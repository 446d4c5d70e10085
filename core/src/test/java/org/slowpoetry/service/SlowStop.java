package org.slowpoetry.service;

import java.time.Duration;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.reactor.EventLoop;

/**
 * A reactor service whose stop takes {@code delay} on its loop, as one that waits for its
 * connections to finish would: {@code stop NAME} in the journal when the stop begins,
 * {@code stopped NAME} when its Deferred fires (or {@code stop failed NAME}, when told to fail).
 *
 * <p><b>Threading:</b> its loop's thread, as every reactor service.
 */
final class SlowStop extends ReactorService {
    private final Journal journal;
    private final Duration delay;
    private final Exception failure;

    SlowStop(String name, EventLoop loop, Journal journal, Duration delay) {
        this(name, loop, journal, delay, null);
    }

    /** A stop that fails with {@code failure} after {@code delay}. */
    SlowStop(String name, EventLoop loop, Journal journal, Duration delay, Exception failure) {
        super(name, loop);
        this.journal = journal;
        this.delay = delay;
        this.failure = failure;
    }

    @Override
    protected void onStart() {
        journal.add("start " + name());
    }

    @Override
    protected Deferred<Void> onStop() {
        journal.add("stop " + name());
        var done = new Deferred<Void>();
        loop().callLater(delay, () -> {
            if (failure == null) {
                journal.add("stopped " + name());
                done.callback(null);
            } else {
                journal.add("stop failed " + name());
                done.errback(failure);
            }
        });
        return done;
    }
}
