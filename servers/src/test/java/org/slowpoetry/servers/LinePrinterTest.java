package org.slowpoetry.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.trial.LeakCheck;

/** {@link LinePrinter}: order kept, everything out by close, never blocking, no use after close. */
@ExtendWith(LeakCheck.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LinePrinterTest {

    @Test
    void everyThreadsLinesComeOutInItsOrderAndAllBeforeCloseReturns() throws Exception {
        var out = new StringWriter();
        int threads = 4;
        int lines = 5_000;
        try (var printer = new LinePrinter(new PrintWriter(out), new PrintWriter(new StringWriter()),
                threads * lines, "test-printer")) {
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                writers.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < lines; i++) {
                        printer.println(id + " " + i);
                    }
                }));
            }
            for (Thread w : writers) {
                w.join();
            }
        }
        int[] next = new int[threads];
        List<String> printed = out.toString().lines().toList();
        for (String line : printed) {
            String[] parts = line.split(" ");
            int id = Integer.parseInt(parts[0]);
            assertEquals(next[id]++, Integer.parseInt(parts[1]), "out of order: " + line);
        }
        assertEquals(threads * lines, printed.size());
    }

    @Test
    void aFullQueueDropsLinesWithoutBlockingAndSaysHowManyOnErr() throws Exception {
        var firstWrite = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var out = new StringWriter();
        Writer stuck = new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                firstWrite.countDown();
                await(release);
                out.write(chars, offset, length);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        var err = new StringWriter();
        try (var printer = new LinePrinter(new PrintWriter(stuck), new PrintWriter(err), 2, "test-printer")) {
            printer.println("first");
            firstWrite.await(); // the printer holds "first" and is stuck writing it
            for (int i = 0; i < 5; i++) {
                printer.println("line " + i); // two fit, three are dropped; none of these calls waits
            }
            release.countDown();
        }
        assertEquals(List.of("first", "line 0", "line 1"), out.toString().lines().toList());
        assertEquals("(3 output lines dropped: the output could not keep up)", err.toString().strip());
    }

    @Test
    void aLineAfterCloseIsMisuse() {
        var printer = new LinePrinter(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                8, "test-printer");
        printer.close();
        printer.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> printer.println("late"));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(20, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
