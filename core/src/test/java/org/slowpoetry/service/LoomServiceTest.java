package org.slowpoetry.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Loom kind's own rules: blocking stops that wait for each other, and stops on its own threads. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LoomServiceTest {

    private final Journal journal = new Journal();

    @Test
    void aSecondStopWhileTheFirstIsStoppingReturnsOnlyOnceTheFirstHasFinished() throws Exception {
        var release = new CountDownLatch(1);
        LoomService service = LoomService.of("slow", new Lifecycle() {
            @Override
            public void start() {
            }

            @Override
            public void stop() throws InterruptedException {
                journal.add("stop begins");
                release.await();
                journal.add("stop ends");
            }
        });
        service.start();
        Thread first = Thread.ofVirtual().start(() -> stopQuietly(service));
        await().atMost(Duration.ofSeconds(5)).until(() -> service.state() == ServiceState.STOPPING);
        Thread second = Thread.ofVirtual().start(() -> {
            stopQuietly(service);
            journal.add("second stop returned");
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> second.getState() == Thread.State.WAITING);
        release.countDown();
        first.join();
        second.join();
        assertEquals(List.of("stop begins", "stop ends", "second stop returned"), journal.entries());
        assertEquals(ServiceState.STOPPED, service.state());
    }

    @Test
    void stopOnAThreadTheServiceOwnsThrowsAndTheServiceGoesOnRunning() throws Exception {
        var owned = new ThreadLocal<Boolean>();
        var service = new LoomService("owner") {
            @Override
            protected void onStart() {
            }

            @Override
            protected boolean ownsCurrentThread() {
                return Boolean.TRUE.equals(owned.get());
            }
        };
        var top = new LoomMultiService("top");
        top.add(service);
        top.start();
        owned.set(true);
        try {
            var e = assertThrows(WrongThreadException.class, top::stop, "a parent owns its children's threads");
            assertTrue(e.getMessage().startsWith("top: stop() on one of its own threads would wait for itself"),
                    e.getMessage());
            assertThrows(WrongThreadException.class, service::stop);
            assertEquals(ServiceState.RUNNING, top.state());
            assertEquals(ServiceState.RUNNING, service.state());
        } finally {
            owned.remove();
        }
        top.stop();
        assertEquals(ServiceState.STOPPED, service.state());
    }

    @Test
    void anInterruptedStartFailsTheServiceAndKeepsTheInterrupt() {
        LoomService service = LoomService.of("waiting", () -> {
            throw new InterruptedException("told to give up");
        });
        var e = assertThrows(ServiceException.class, service::start);
        assertEquals("cannot start waiting: told to give up", e.getMessage());
        assertInstanceOf(InterruptedException.class, e.getCause());
        assertTrue(Thread.interrupted(), "the interrupt is kept (and cleared here)");
        assertEquals(ServiceState.FAILED, service.state());
    }

    private static void stopQuietly(LoomService service) {
        try {
            service.stop();
        } catch (ServiceException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
