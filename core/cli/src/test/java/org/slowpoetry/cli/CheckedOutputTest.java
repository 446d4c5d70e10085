package org.slowpoetry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * A command's stdout that fails: the writer keeps the first error, writes nothing after it, and
 * {@link Main} turns it into the exit, the same for every command.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CheckedOutputTest {

    /** Takes {@code room} bytes in all, then fails every write the way the JDK reports {@code error}. */
    private static final class Device extends OutputStream {
        final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        /** Written by the test's thread, read by the writing thread (the same one here). */
        int room;
        private final String error;

        Device(int room, String error) {
            this.room = room;
            this.error = error;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (kept.size() + length > room) {
                throw new IOException(error);
            }
            kept.write(bytes, offset, length);
        }
    }

    private static final String FULL = "No space left on device";
    private static final String PIPE = "Broken pipe";

    /** A command that prints {@code lines} lines, then waits for an interrupt if it asked for one. */
    @CommandLine.Command(name = "print")
    static final class Printing implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Option(names = "--lines")
        int lines = 1;
        @CommandLine.Option(names = "--then-wait")
        boolean thenWait;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            CheckedOutput.interruptOnFault(out);
            for (int i = 0; i < lines; i++) {
                out.println("line " + i);
            }
            if (thenWait) {
                new CountDownLatch(1).await(); // only an interrupt ends this
            }
            return ExitCodes.OK;
        }
    }

    private record Run(int code, String err, Device device) {
    }

    private static Run run(Device device, String... args) {
        CommandLine cli = Main.commandLine();
        cli.addSubcommand(new CommandLine(new Printing()));
        cli.setOut(new CheckedOutput(device, StandardCharsets.UTF_8));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, err.toString(), device);
    }

    @Test
    void aFullDiskIsOneLineOnStderrAndExitSeventyFour() {
        Run r = run(new Device(20, FULL), "print", "--lines", "100");
        assertEquals(ExitCodes.OUTPUT_FAILED, r.code());
        assertEquals("slowpoetry print: cannot write to stdout: No space left on device\n", r.err());
    }

    @Test
    void aClosedPipeEndsTheCommandQuietlyWithTheCodeOfSigpipe() {
        Run r = run(new Device(20, PIPE), "print", "--lines", "100");
        assertEquals(ExitCodes.OUTPUT_CLOSED, r.code());
        assertEquals(128 + 13, r.code());
        assertEquals("", r.err());
    }

    @Test
    void aCommandThatAskedIsInterruptedAtTheFaultAndNoInternalErrorIsReported() {
        Run r = run(new Device(0, PIPE), "print", "--then-wait");
        assertEquals(ExitCodes.OUTPUT_CLOSED, r.code(), r.err());
        assertEquals("", r.err());
        assertFalse(Thread.currentThread().isInterrupted(), "the interrupt does not outlive the command");
    }

    @Test
    void helpWrittenToAFullDiskIsReportedToo() {
        Run r = run(new Device(10, FULL), "--help");
        assertEquals(ExitCodes.OUTPUT_FAILED, r.code());
        assertEquals("slowpoetry: cannot write to stdout: No space left on device\n", r.err());
    }

    @Test
    void nothingIsWrittenAfterTheFirstFault() {
        var device = new Device(8, FULL);
        var out = new CheckedOutput(device, StandardCharsets.UTF_8);
        out.println("1234567");        // 8 bytes: fits
        out.println("too long");       // fails
        device.room = Integer.MAX_VALUE;
        out.println("room again");     // the writer does not try again: the output stays a prefix
        assertEquals("1234567\n", device.kept.toString(StandardCharsets.UTF_8));
        assertTrue(out.checkError(), "checkError() still reports the fault");
        var fault = assertInstanceOf(OutputFault.WriteFailed.class, out.fault().orElseThrow());
        assertEquals(FULL, fault.reason());
    }

    @Test
    void anActionRunsOnceAtTheFaultOrAtOnceIfTheFaultCameFirst() {
        var out = new CheckedOutput(new Device(0, PIPE), StandardCharsets.UTF_8);
        AtomicInteger before = new AtomicInteger();
        out.onFault(before::incrementAndGet);
        assertEquals(0, before.get(), "no fault yet");
        out.println("a");
        out.println("b");
        assertEquals(1, before.get());
        AtomicInteger after = new AtomicInteger();
        out.onFault(after::incrementAndGet);
        assertEquals(1, after.get());
        assertInstanceOf(OutputFault.ReaderGone.class, out.fault().orElseThrow());
    }

    @Test
    void aWriterThatIsNotCheckedIsLeftAlone() {
        CheckedOutput.interruptOnFault(new PrintWriter(new StringWriter()));
        assertFalse(Thread.currentThread().isInterrupted());
    }
}
