package org.slowpoetry.loom;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MailboxTest {

    private static final Duration SHORT = Duration.ofMillis(20);

    record Numbered(int sender, int seq) {
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void receiveTakesMessagesInArrivalOrder() throws Exception {
        var box = new Mailbox<String>();
        box.send("a");
        box.send("b");
        box.send("c");
        assertEquals(List.of("a", "b", "c"), List.of(box.receive(), box.receive(), box.receive()));
        assertEquals(0, box.size());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void selectiveReceiveTakesTheFirstMatchAndKeepsTheRestInOrder() throws Exception {
        var box = new Mailbox<String>();
        for (String s : List.of("a1", "b1", "a2", "b2", "a3")) {
            box.send(s);
        }
        assertEquals("b1", box.receive(s -> s.startsWith("b")));
        assertEquals("b2", box.receive(s -> s.startsWith("b")));
        assertEquals(List.of("a1", "a2", "a3"), drain(box));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void selectiveReceiveByTypeLeavesOtherTypesQueued() throws Exception {
        var box = new Mailbox<Object>();
        box.send("first");
        box.send(1);
        box.send("second");
        box.send(2);
        assertEquals(1, box.receive(Integer.class));
        assertEquals(Optional.of(2), box.receive(Integer.class, SHORT));
        assertEquals(Optional.empty(), box.receive(Integer.class, SHORT));
        assertEquals(List.of("first", "second"), drain(box));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void receiveWithTimeoutIsEmptyWhenNothingArrives() throws Exception {
        var box = new Mailbox<String>();
        assertEquals(Optional.empty(), box.receive(SHORT));
        assertEquals(Optional.empty(), box.receive(Duration.ZERO));
        box.send("x");
        assertEquals(Optional.of("x"), box.receive(Duration.ZERO));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void selectiveReceiveThatTimesOutLeavesEveryMessageInPlace() throws Exception {
        var box = new Mailbox<String>();
        box.send("a");
        box.send("b");
        assertEquals(Optional.empty(), box.receive(s -> s.equals("z"), SHORT));
        assertEquals(List.of("a", "b"), drain(box));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void waitingSelectiveReceiverWakesForALaterMatch() throws Exception {
        var box = new Mailbox<String>();
        var got = new AtomicReference<String>();
        Thread receiver = Thread.ofVirtual().start(() -> {
            try {
                got.set(box.receive(s -> s.startsWith("reply")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        box.send("request 1");
        box.send("request 2");
        box.send("reply!");
        box.send("request 3");
        receiver.join();
        assertEquals("reply!", got.get());
        assertEquals(List.of("request 1", "request 2", "request 3"), drain(box));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void eachMessageIsTestedOnceEvenAcrossManyWakeUps() throws Exception {
        var box = new Mailbox<Integer>();
        var tests = new AtomicInteger();
        var got = new AtomicReference<Integer>();
        box.send(1);
        box.send(2);
        Thread receiver = Thread.ofVirtual().start(() -> {
            try {
                got.set(box.receive(n -> {
                    tests.incrementAndGet();
                    return n == 100;
                }));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int n = 3; n <= 50; n++) {
            box.send(n); // each send wakes the receiver, which must test only what is new
        }
        box.send(100);
        receiver.join();
        assertEquals(100, got.get());
        assertEquals(51, tests.get(), "a message was tested more than once");
        assertEquals(50, box.size());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void fourSendersOfAQuarterMillionEachLoseNothingAndKeepTheirOrder() throws Exception {
        int senders = 4;
        int each = 250_000;
        var box = new Mailbox<Numbered>();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            threads.add(Thread.ofVirtual().name("sender-" + s).start(() -> {
                for (int seq = 0; seq < each; seq++) {
                    box.send(new Numbered(sender, seq));
                }
            }));
        }
        int[] next = new int[senders];
        for (int i = 0; i < senders * each; i++) {
            Numbered m = box.receive();
            assertEquals(next[m.sender()], m.seq(), "sender " + m.sender() + " out of order");
            next[m.sender()]++;
        }
        for (Thread t : threads) {
            t.join();
        }
        assertArrayEquals(new int[] {each, each, each, each}, next);
        assertEquals(Optional.empty(), box.receive(Duration.ZERO));
    }

    @Test
    void boundedRejectingMailboxThrowsWhenFull() {
        Mailbox<String> box = Mailbox.bounded(2, OverflowPolicy.REJECT);
        assertTrue(box.send("a"));
        assertTrue(box.send("b"));
        var e = assertThrows(MailboxFullException.class, () -> box.send("c"));
        assertTrue(e.getMessage().contains("capacity 2"), e.getMessage());
        assertEquals(2, box.size());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void boundedDroppingMailboxDropsTheNewestAndCountsIt() throws Exception {
        Mailbox<String> box = Mailbox.bounded(2, OverflowPolicy.DROP_NEWEST);
        assertTrue(box.send("a"));
        assertTrue(box.send("b"));
        assertFalse(box.send("c"));
        assertEquals(1, box.dropped());
        assertEquals("a", box.receive());
        assertTrue(box.send("d"), "room was made by the receive");
        assertEquals(List.of("b", "d"), drain(box));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void waitingReceiveIsInterruptible() throws Exception {
        var box = new Mailbox<String>();
        var thrown = new AtomicReference<Throwable>();
        Thread receiver = Thread.ofVirtual().start(() -> {
            try {
                box.receive();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        await().until(() -> receiver.getState() == Thread.State.WAITING);
        receiver.interrupt();
        receiver.join();
        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
    }

    @Test
    void misuseIsRejectedAtOnce() {
        var box = new Mailbox<String>();
        assertThrows(NullPointerException.class, () -> box.send(null));
        assertThrows(IllegalArgumentException.class, () -> box.receive(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> Mailbox.bounded(0, OverflowPolicy.REJECT));
    }

    private static <M> List<M> drain(Mailbox<M> box) throws InterruptedException {
        List<M> all = new ArrayList<>();
        for (Optional<M> m = box.receive(Duration.ZERO); m.isPresent(); m = box.receive(Duration.ZERO)) {
            all.add(m.get());
        }
        return all;
    }
}
