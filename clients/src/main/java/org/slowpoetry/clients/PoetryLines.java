package org.slowpoetry.clients;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.time.Durations;

/**
 * The client output lines of the text, worded in this one place so that every style prints the
 * same thing and no style formats a line itself. The blocking client (Part 2) prints
 *
 * <pre>
 * Task 1: get poetry from: 127.0.0.1:10000
 * Task 1: got 3003 bytes of poetry from 127.0.0.1:10000 in 0:00:10.126361
 * </pre>
 *
 * the select client prints a line per read and then the sizes,
 *
 * <pre>
 * Task 1: got 30 bytes of poetry from 127.0.0.1:10000
 * Task 1: 3003 bytes of poetry
 * </pre>
 *
 * a task that fails prints one line with its {@link TaskOutcome.Failed#reason() reason},
 *
 * <pre>
 * Task 2: failed to connect to 127.0.0.1:10001: Connection refused
 * Task 3: lost connection to 127.0.0.1:10002 after 120 bytes: Connection reset
 * </pre>
 *
 * and the {@code get} command ends with {@code Got 3 poems in 0:00:23.065661}. The Loom clients of
 * Parts 20 and 21 add a few: a supervised download that crashed and will be restarted, one whose
 * supervisor gave up, one that ran out of time, and the poems' own text as it arrives,
 *
 * <pre>
 * Task 1: crashed: lost connection to 127.0.0.1:10000 after 0 bytes: Connection reset
 * Task 1: gave up after 2 retries: lost connection to 127.0.0.1:10000 after 0 bytes: Connection reset
 * Task 3: timed out after 2 s with 120 bytes from 127.0.0.1:10002
 * </pre>
 *
 * <p><b>Threading:</b> every method writes one whole line with one {@code println} on a
 * thread-safe {@link PrintStream}, so lines printed from several threads never mix; the static
 * methods are pure.
 */
public final class PoetryLines {
    private final PrintStream out;

    /** Lines printed to {@code out}. */
    public PoetryLines(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Lines printed to the run's {@link ClientRun#out()}. */
    public static PoetryLines of(ClientRun run) {
        return new PoetryLines(run.out());
    }

    /** Blocking client, before it connects: {@code Task 1: get poetry from: 127.0.0.1:10000}. */
    public void getting(int task, Address address) {
        out.println(prefix(task) + "get poetry from: " + address);
    }

    /**
     * Blocking client, a whole poem:
     * {@code Task 1: got 3003 bytes of poetry from 127.0.0.1:10000 in 0:00:10.126361}.
     */
    public void gotPoem(int task, int bytes, Address address, Duration elapsed) {
        out.println(prefix(task) + "got " + bytes(bytes) + " of poetry from " + address + " in "
                + Durations.pythonStyle(elapsed));
    }

    /** Select client, one read: {@code Task 1: got 30 bytes of poetry from 127.0.0.1:10000}. */
    public void gotChunk(int task, int bytes, Address address) {
        gotChunk(task, bytes, address.toString());
    }

    /**
     * The same line for a peer known only by name, as a Loom task knows it from its
     * {@code TaskContext}; the Haskell client of Part 21 prints it once per line of the poem.
     */
    public void gotChunk(int task, int bytes, String peer) {
        out.println(prefix(task) + "got " + bytes(bytes) + " of poetry from " + peer);
    }

    /** Select client, once all are done: {@code Task 1: 3003 bytes of poetry}. */
    public void poemSize(int task, int bytes) {
        out.println(prefix(task) + bytes(bytes) + " of poetry");
    }

    /** {@code Task 2: failed to connect to 127.0.0.1:10001: Connection refused}. */
    public void failed(int task, String reason) {
        out.println(prefix(task) + reason);
    }

    /**
     * Erlang client with {@code --retries}, a download that crashed and that its supervisor may
     * restart: {@code Task 1: crashed: lost connection to 127.0.0.1:10000 after 0 bytes: Connection
     * reset}. (Part 20's Erlang runtime prints an error report for every crashed process.)
     */
    public void crashed(int task, String reason) {
        out.println(prefix(task) + "crashed: " + reason);
    }

    /**
     * One poem's text, as the Haskell client of Part 21 prints it the moment the poem is complete:
     * all of it in one write, so that lines printed by other threads cannot land inside it, with a
     * newline added if the poem does not end with one.
     */
    public void poemText(byte[] poem) {
        boolean ends = poem.length > 0 && poem[poem.length - 1] == '\n';
        byte[] text = ends ? poem : Arrays.copyOf(poem, poem.length + 1);
        if (!ends) {
            text[poem.length] = '\n';
        }
        out.write(text, 0, text.length);
        out.flush();
    }

    /**
     * One line of a poem (without its terminator), as the lazy Haskell client of Part 21 streams
     * the poems: the line and a newline, in one write.
     */
    public void poemLine(byte[] line) {
        byte[] text = Arrays.copyOf(line, line.length + 1);
        text[line.length] = '\n';
        out.write(text, 0, text.length);
        out.flush();
    }

    /**
     * The last line of {@code get}: {@code Got 3 poems in 0:00:23.065661}, with the number of
     * failed tasks after it when there are any: {@code Got 2 poems in 0:00:06.617523 (1 failed)}.
     */
    public void summary(List<TaskOutcome> outcomes, Duration elapsed) {
        long poems = outcomes.stream().filter(o -> o instanceof TaskOutcome.Fetched).count();
        long failed = outcomes.size() - poems;
        out.println("Got " + poems + (poems == 1 ? " poem" : " poems") + " in " + Durations.pythonStyle(elapsed)
                + (failed == 0 ? "" : " (" + failed + " failed)"));
    }

    /** {@code get --print}: the poems themselves, in task order, each ending with a newline. */
    public void poems(List<TaskOutcome> outcomes) {
        for (TaskOutcome outcome : outcomes) {
            if (outcome instanceof TaskOutcome.Fetched fetched && fetched.poem().length > 0) {
                poemText(fetched.poem());
            }
        }
        out.flush();
    }

    /** The reason for a task that could not connect: {@code failed to connect to HOST:PORT: Connection refused}. */
    public static String cannotConnect(Address address, Throwable cause) {
        return "failed to connect to " + address + ": " + describe(cause);
    }

    /**
     * The reason for a connection that broke before the server closed it:
     * {@code lost connection to HOST:PORT after 120 bytes: Connection reset}.
     */
    public static String connectionLost(Address address, int received, Throwable cause) {
        return "lost connection to " + address + " after " + bytes(received) + ": " + describe(cause);
    }

    /**
     * The reason for a server that sent something that is not a poem the client can handle (a line
     * longer than the line splitter's limit): {@code bad poem from HOST:PORT: WHAT}.
     */
    public static String badPoem(Address address, Throwable cause) {
        return "bad poem from " + address + ": " + describe(cause);
    }

    /**
     * The reason for a supervised download whose supervisor stopped restarting it:
     * {@code gave up after 2 retries: lost connection to HOST:PORT after 0 bytes: Connection reset}.
     */
    public static String gaveUp(int retries, String lastReason) {
        return "gave up after " + retries + (retries == 1 ? " retry: " : " retries: ") + lastReason;
    }

    /**
     * The reason for a task still running when {@code --timeout} expired:
     * {@code timed out after 2 s with 120 bytes from HOST:PORT}.
     */
    public static String timedOut(Address address, int received, Duration timeout) {
        return "timed out after " + seconds(timeout) + " s with " + bytes(received) + " from " + address;
    }

    /**
     * What went wrong, in a few words and on one line: the operating system's words where there
     * are some ({@code Connection refused}), never a class name unless nothing else is known.
     */
    public static String describe(Throwable cause) {
        return switch (cause) {
            case UnknownHostException e -> "unknown host " + quoted(e.getMessage());
            case UnresolvedAddressException e -> "unknown host";
            case SocketTimeoutException e -> "timed out";
            case Throwable t when t.getMessage() != null && !t.getMessage().isBlank() -> firstLine(t.getMessage());
            case Throwable t -> t.getClass().getSimpleName();
        };
    }

    /** {@code 30 bytes}, but {@code 1 byte} (the last send of a poem is often that short). */
    private static String bytes(long count) {
        return count + (count == 1 ? " byte" : " bytes");
    }

    /** {@code 2}, {@code 0.5}, {@code 1.25}: seconds as typed after {@code --timeout}. */
    private static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString();
    }

    private static String prefix(int task) {
        return "Task " + task + ": ";
    }

    private static String quoted(String s) {
        return s == null ? "" : "'" + firstLine(s) + "'";
    }

    private static String firstLine(String s) {
        return s.strip().lines().findFirst().orElse("");
    }
}
