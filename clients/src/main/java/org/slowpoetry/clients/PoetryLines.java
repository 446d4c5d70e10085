package org.slowpoetry.clients;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slowpoetry.fetch.FailureText;
import org.slowpoetry.fetch.FetchFailure;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.time.Durations;

/**
 * The client output lines of the text, worded in this one place: the presentation layer. Network
 * code returns values ({@link TaskOutcome}, {@link FetchFailure}); this class alone turns them into
 * lines, and alone decides which stream each line goes to.
 *
 * <h2>stdout and stderr</h2>
 * A style with an original program in the text writes to stdout what the original writes to
 * stdout, and to stderr what it writes to stderr; what we add (a line for a task that failed where
 * the original would crash with a traceback, a summary the original does not print, timings) goes
 * to stderr. So {@code get ... > poems.txt} holds what the text's program would have written there.
 *
 * <p>stdout, as the originals print it:
 * <pre>
 * Task 1: get poetry from: 127.0.0.1:10000                              (blocking client)
 * Task 1: got 3003 bytes of poetry from 127.0.0.1:10000 in 0:00:10.126361 (blocking client)
 * Task 1: got 30 bytes of poetry from 127.0.0.1:10000                   (a read: select, 1.0, 2.0, ...)
 * Task 1 finished                                                       (the server closed: select, 1.0)
 * Task 1: 3003 bytes of poetry                                          (each poem's size at the end)
 * Failed to connect to: 127.0.0.1:10004                                 (clients 2.0 and 2.1)
 * Got 3 poems in 0:00:23.065661                                         (the clients that print it)
 * (the poems themselves)                                                (clients 2.1 on, Haskell)
 * </pre>
 *
 * <p>stderr:
 * <pre>
 * Task 2: failed to connect to 127.0.0.1:10001: Connection refused     (a failed task, our addition)
 * Poem failed: failed to connect to 127.0.0.1:10004: Connection refused (clients 3.1 and 4.0)
 * The poem download failed: failed to connect to 127.0.0.1:10004: ...  (clients 5.0 to 8.0)
 * Cummingsify rejected the poem from 127.0.0.1:10001: the input is ... (clients 5.0 and 5.1: gibberish)
 * Got 2 poems in 0:00:10.2 (1 failed)                                   (our summary, where the original has none)
 * 1 of 3 poems failed                                                   (beside the original's summary)
 * </pre>
 *
 * <h2>When stdout fails</h2>
 * A {@link PrintStream} swallows write errors, so nothing here checks them line by line. Under
 * {@code get}, stdout is a {@link org.slowpoetry.cli.CheckedOutput}: its first write error (a reader
 * that has gone, a full disk) interrupts the fetch, silences stderr and decides the exit code
 * ({@link GetCommand}), so a style never learns of it and needs no code for it.
 *
 * <p><b>Threading:</b> every method writes one whole line (or one block) with one call on a
 * thread-safe {@link PrintStream}, so lines printed from several threads never mix; the static
 * methods are pure.
 */
public final class PoetryLines {
    private final PrintStream out;
    private final PrintStream err;

    /** Lines printed to {@code out} (the program's stdout) and {@code err} (its stderr). */
    public PoetryLines(PrintStream out, PrintStream err) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
    }

    /** Lines printed to the run's {@link ClientRun#out()} and {@link ClientRun#err()}. */
    public static PoetryLines of(ClientRun run) {
        return new PoetryLines(run.out(), run.err());
    }

    /** stdout. */
    public PrintStream out() {
        return out;
    }

    /** stderr. */
    public PrintStream err() {
        return err;
    }

    /** stdout, blocking client, before it connects: {@code Task 1: get poetry from: 127.0.0.1:10000}. */
    public void getting(int task, Address address) {
        out.println(prefix(task) + "get poetry from: " + address);
    }

    /**
     * stdout, blocking client, a whole poem:
     * {@code Task 1: got 3003 bytes of poetry from 127.0.0.1:10000 in 0:00:10.126361}.
     */
    public void gotPoem(int task, int bytes, Address address, Duration elapsed) {
        out.println(gotPoemLine(task, bytes, address, elapsed));
    }

    /** stderr: the same line as {@link #gotPoem}, where it is our addition (Part 20's {@code --timing}). */
    public void timing(int task, int bytes, Address address, Duration elapsed) {
        err.println(gotPoemLine(task, bytes, address, elapsed));
    }

    /** stdout, one read: {@code Task 1: got 30 bytes of poetry from 127.0.0.1:10000}. */
    public void gotChunk(int task, int bytes, Address address) {
        gotChunk(task, bytes, address.toString());
    }

    /**
     * stdout, the same line for a peer known only by name, as a Loom task knows it from its
     * {@code TaskContext}; the Haskell client of Part 21 prints it once per line of the poem.
     */
    public void gotChunk(int task, int bytes, String peer) {
        out.println(prefix(task) + "got " + bytes(bytes) + " of poetry from " + peer);
    }

    /**
     * stdout, the select client and client 1.0 (and the {@code loom} client that mirrors them),
     * when a server closes the connection: {@code Task 1 finished}.
     */
    public void taskFinished(int task) {
        out.println("Task " + task + " finished");
    }

    /**
     * How a task of the select client (or client 1.0, or {@code loom}) ended: {@link #taskFinished}
     * on stdout for a poem, {@link #failed} on stderr for a failure.
     */
    public void finishedOrFailed(TaskOutcome outcome) {
        switch (outcome) {
            case TaskOutcome.Fetched fetched -> taskFinished(fetched.task());
            case TaskOutcome.Failed failed -> failed(failed.task(), failed.failure());
        }
    }

    /** stdout, once all are done: {@code Task 1: 3003 bytes of poetry}. */
    public void poemSize(int task, int bytes) {
        out.println(prefix(task) + bytes(bytes) + " of poetry");
    }

    /** stdout, each poem's size in task order, for the poems that arrived. */
    public void poemSizes(List<TaskOutcome> outcomes) {
        for (TaskOutcome outcome : outcomes) {
            if (outcome instanceof TaskOutcome.Fetched fetched) {
                poemSize(fetched.task(), fetched.received());
            }
        }
    }

    /** stderr, a task that failed: {@code Task 2: failed to connect to 127.0.0.1:10001: Connection refused}. */
    public void failed(int task, FetchFailure failure) {
        err.println(prefix(task) + reason(failure));
    }

    /** stdout, clients 2.0 and 2.1, from {@code clientConnectionFailed}: {@code Failed to connect to: 127.0.0.1:10004}. */
    public void failedToConnect(Address address) {
        out.println("Failed to connect to: " + address);
    }

    /**
     * stderr, clients 3.1 and 4.0, from the errback (their originals print {@code Poem failed:} and
     * Twisted's Failure there), with the server's address that Part 8's second exercise asks for:
     * {@code Poem failed: failed to connect to 127.0.0.1:10004: Connection refused}. Client 2.1 says
     * the same for a connection lost half-way, which its original prints as a poem.
     */
    public void poemFailed(FetchFailure failure) {
        err.println("Poem failed: " + reason(failure));
    }

    /**
     * stderr, client 3.0, whose callback is given null when there is no poem, and so cannot say why:
     * {@code No poem from 127.0.0.1:10004 (the callback was given null; client 3.0 cannot tell why)}.
     */
    public void noPoem(Address address) {
        err.println(noPoemLine(address));
    }

    /** The line {@link #noPoem} prints: client 3.0's, which names the server but cannot say why. */
    public static String noPoemLine(Address address) {
        return "No poem from " + address + " (the callback was given null; client 3.0 cannot tell why)";
    }

    /**
     * stderr, clients 5.0, 5.1 and 6.0, a poem that did not come: for a download that failed, the
     * original's {@code The poem download failed.} with what went wrong and where, as
     * {@link #downloadFailed(FetchFailure)} says it. The original prints the same line for a poem that
     * arrived and that the cummingsifier rejected as gibberish (Part 10 counts it as no poem); that
     * line would blame the download, so for {@link FetchFailure.Rejected} we say what failed:
     * {@code Cummingsify rejected the poem from 127.0.0.1:10001: the input is not a genuine poem}.
     * stdout is the original's either way.
     */
    public void downloadFailedOrRejected(FetchFailure failure) {
        if (failure instanceof FetchFailure.Rejected rejected) {
            err.println("Cummingsify rejected the poem from " + rejected.address() + ": " + rejected.detail());
        } else {
            downloadFailed(failure);
        }
    }

    /**
     * stderr, clients 5.0 to 8.0, with what went wrong and where:
     * {@code The poem download failed: failed to connect to 127.0.0.1:10004: Connection refused}.
     */
    public void downloadFailed(FetchFailure failure) {
        err.println("The poem download failed: " + reason(failure));
    }

    /** stdout, clients 5.0 and 5.1, when they fall back to the original poem: {@code Cummingsify failed!}. */
    public void cummingsifyFailed() {
        out.println(CUMMINGSIFY_FAILED);
    }

    /** stderr, clients 6.0, 7.0 and 8.0 (their originals moved the line there): {@code Cummingsify failed!}. */
    public void cummingsifyFailedToStderr() {
        err.println(CUMMINGSIFY_FAILED);
    }

    /**
     * stderr, {@code get --show-stack} (Part 5's {@code get-poetry-stack.py}, whose
     * {@code traceback.print_stack()} writes to stderr): the call stack at the first
     * {@code dataReceived}, outermost call first as Python prints it. {@code stack} is innermost
     * first, as {@link Thread#getStackTrace()} gives it (its own frame already dropped).
     */
    public void callStack(String where, StackTraceElement[] stack) {
        StringBuilder text = new StringBuilder("Call stack at " + where + ", outermost call first:");
        for (int i = stack.length - 1; i >= 0; i--) {
            text.append(System.lineSeparator()).append("  ").append(stack[i]);
        }
        err.println(text);
    }

    /**
     * stderr, Erlang client with {@code --retries}, a download that crashed and that its supervisor
     * may restart: {@code Task 1: crashed: lost connection to 127.0.0.1:10000 after 0 bytes:
     * Connection reset}. (Part 20's Erlang runtime reports every crashed process.)
     */
    public void crashed(int task, FetchFailure failure) {
        err.println(prefix(task) + "crashed: " + reason(failure));
    }

    /**
     * stdout, one poem's text, as the clients from 2.1 on print it: all of it in one write, so that
     * lines printed by other threads cannot land inside it, with a newline after it (Python's
     * {@code print poem} adds one).
     */
    public void poemText(byte[] poem) {
        byte[] text = Arrays.copyOf(poem, poem.length + 1);
        text[poem.length] = '\n';
        out.write(text, 0, text.length);
        out.flush();
    }

    /** stdout, {@link #poemText} as UTF-8 text, for the clients that pass poems as strings. */
    public void poemText(String poem) {
        poemText(poem.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * stdout, one line of a poem (without its terminator), as the lazy Haskell client of Part 21
     * streams the poems: the line and a newline, in one write.
     */
    public void poemLine(byte[] line) {
        byte[] text = Arrays.copyOf(line, line.length + 1);
        text[line.length] = '\n';
        out.write(text, 0, text.length);
        out.flush();
    }

    /**
     * The last line of {@code get}. Where the original prints one ({@link ClientStyle#printsSummary()}),
     * stdout gets the original's line, {@code Got 3 poems in 0:00:10.126361}, counting the poems that
     * arrived, and the tasks that failed are counted on stderr: {@code 1 of 3 poems failed} (the
     * originals of the blocking, select and 1.0 clients die with a traceback instead; client 2.0
     * counts its addresses, poems or not, which we do not copy: a failed poem is not a poem).
     * Elsewhere the summary is ours, on stderr: {@code Got 2 poems in 0:00:06.617523 (1 failed)}.
     */
    public void summary(List<TaskOutcome> outcomes, Duration elapsed, boolean asTheOriginal) {
        long poems = outcomes.stream().filter(o -> o instanceof TaskOutcome.Fetched).count();
        long failed = outcomes.size() - poems;
        String took = " in " + Durations.pythonStyle(elapsed);
        if (asTheOriginal) {
            out.println("Got " + poems + (poems == 1 ? " poem" : " poems") + took);
            if (failed > 0) {
                err.println(failed + " of " + outcomes.size() + (outcomes.size() == 1 ? " poem" : " poems") + " failed");
            }
        } else {
            err.println("Got " + poems + (poems == 1 ? " poem" : " poems") + took
                    + (failed == 0 ? "" : " (" + failed + " failed)"));
        }
    }

    /** stdout, {@code get --print}: the poems themselves, in task order. */
    public void poems(List<TaskOutcome> outcomes) {
        for (TaskOutcome outcome : outcomes) {
            if (outcome instanceof TaskOutcome.Fetched fetched) {
                poemText(fetched.poem());
            }
        }
        out.flush();
    }

    /**
     * Why a task failed, in one line: core's {@link FailureText#reason}, the one wording of a
     * {@link FetchFailure}, which the servers that fetch (the proxies) use too.
     */
    public static String reason(FetchFailure failure) {
        return FailureText.reason(failure);
    }

    private static String gotPoemLine(int task, int bytes, Address address, Duration elapsed) {
        return prefix(task) + "got " + bytes(bytes) + " of poetry from " + address + " in "
                + Durations.pythonStyle(elapsed);
    }

    private static final String CUMMINGSIFY_FAILED = "Cummingsify failed!";

    /** {@code 30 bytes}, but {@code 1 byte} (the last send of a poem is often that short). */
    private static String bytes(long count) {
        return count + (count == 1 ? " byte" : " bytes");
    }

    private static String prefix(int task) {
        return "Task " + task + ": ";
    }
}
