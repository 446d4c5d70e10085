package org.slowpoetry.clients.reactor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slowpoetry.clients.RecordingListener;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.GetOptions;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.defer.Failure;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.reactor.ManualEventLoop;
import org.slowpoetry.time.ManualClock;
import org.slowpoetry.transform.GibberishException;

/** One address's books: the order of events, what ends a task, and who may touch it. */
@Timeout(10)
class PoemTaskTest {
    private final ManualClock clock = new ManualClock();
    private final ManualEventLoop loop = new ManualEventLoop(clock);
    private final RecordingListener events = new RecordingListener();
    private final Address address = Address.parse("10000");
    private final PoemTask task = new PoemTask(1, address,
            new ClientRun(new PrintStream(OutputStream.nullOutputStream()), clock, GetOptions.defaults(), events), loop);

    @Test
    void aFetchedTaskReportsStartedReadsAndFinishedAndItsTime() {
        task.start();
        task.received(30);
        clock.advance(Duration.ofMillis(250));
        task.received(5);
        task.succeeded("poem");

        var fetched = assertInstanceOf(TaskOutcome.Fetched.class, task.outcome());
        assertArrayEquals("poem".getBytes(), fetched.poem());
        assertEquals(Duration.ofMillis(250), fetched.elapsed());
        assertEquals(35, task.received());
        assertEquals(List.of("started 1 127.0.0.1:10000", "received 1 30", "received 1 5", "finished 1"), events.events());
    }

    @Test
    void aSecondOutcomeThrows() {
        task.start();
        task.succeeded("poem");
        assertThrows(IllegalStateException.class, () -> task.succeeded("again"));
        assertThrows(IllegalStateException.class, () -> task.failed("late", new byte[0]));
    }

    @Test
    void bytesBeforeTheStartOrAfterTheEndAreABug() {
        assertThrows(IllegalStateException.class, () -> task.received(1));
        task.start();
        assertThrows(IllegalArgumentException.class, () -> task.received(0));
        task.succeeded("poem");
        assertThrows(IllegalStateException.class, () -> task.received(1));
        assertThrows(IllegalStateException.class, task::start);
    }

    @Test
    void aRecordedDownloadFailureEndsTheTaskOnlyWhenTheClientSaysSo() {
        task.start();
        task.received(20);
        var reset = new SocketException("Connection reset");
        task.downloadFailed(reset, "lost connection to 127.0.0.1:10000 after 20 bytes: Connection reset", new byte[20]);
        assertEquals(false, task.over());

        task.failed(Failure.of(reset));

        var failed = assertInstanceOf(TaskOutcome.Failed.class, task.outcome());
        assertEquals("lost connection to 127.0.0.1:10000 after 20 bytes: Connection reset", failed.reason());
        assertEquals(20, failed.partial().length);
        assertEquals("failed 1 " + failed.reason(), events.events().getLast());
    }

    @Test
    void aFailureThatIsNotTheDownloadsIsAPoemRejected() {
        task.start();
        task.failed(Failure.of(new GibberishException()));
        assertEquals("poem from 127.0.0.1:10000 failed: the input is not a genuine poem",
                assertInstanceOf(TaskOutcome.Failed.class, task.outcome()).reason());
    }

    @Test
    void failingWithTheDownloadsReasonNeedsOneRecorded() {
        task.start();
        assertThrows(IllegalStateException.class, task::failed);
        task.downloadFailed(new ConnectException("Connection refused"), "refused", new byte[0]);
        assertThrows(IllegalStateException.class,
                () -> task.downloadFailed(new ConnectException("again"), "twice", new byte[0]));
        task.failed();
        assertEquals("refused", assertInstanceOf(TaskOutcome.Failed.class, task.outcome()).reason());
    }

    @Test
    void theOutcomeOfATaskStillRunningIsNotThere() {
        task.start();
        assertThrows(IllegalStateException.class, task::outcome);
    }

    @Test
    void anotherThreadMayNotTouchTheTask() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread other = Thread.ofPlatform().start(() -> {
            try {
                task.start();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        other.join();
        assertInstanceOf(WrongThreadException.class, thrown.get());
    }
}
