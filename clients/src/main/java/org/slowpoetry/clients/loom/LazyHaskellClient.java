package org.slowpoetry.clients.loom;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.PoemTask;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.fetch.FetchSettings;
import org.slowpoetry.loom.Mailbox;
import org.slowpoetry.protocol.Address;

/**
 * Part 21's second Haskell client ({@code get --style haskell-lazy}): just the poems' text, in the
 * order of the addresses, each line of the first poem printed the moment it arrives, while the
 * other poems are read in the background; when the first is done the second comes out at once as
 * far as it has got, and so on.
 *
 * <p>Haskell gets this from laziness: {@code hGetContents} returns the whole poem as a list whose
 * elements are read from the socket only when someone looks at them. The Java here spells the
 * same thing out. Each poem has a reading thread (a subtask) and a stream, a {@link Mailbox} of
 * {@link PoemPiece}s it fills line by line ({@link PoemLines}); the calling thread, the scope's
 * owner, drains the streams one after the other, in order, <em>while</em> the subtasks are still
 * reading, and only then joins. Looking at the next line means {@code receive}: it is there
 * already, or the owner waits for it.
 *
 * {@snippet :
 * for (Mailbox<PoemPiece> stream : streams) {    // poem 1, then poem 2, ...
 *     print(stream);                             // line by line, waiting where need be
 * }
 * scope.join();                                  // every reader is done by now
 * }
 *
 * <p>That is the stdout of the text's {@code haskell-client-2/get-poetry.hs}: the poems, in address
 * order, and nothing else. Where the original's {@code main} would die on a server that cannot be
 * reached, this one writes one line to stderr when that poem's turn comes (Part 21, exercise 2),
 * and every other poem is still printed.
 *
 * <p><b>Threading:</b> stateless. {@link #fetch} owns the scope and is the only thread that prints
 * poem text; the readers only fill their streams (and keep their tasks' books). When {@code fetch}
 * returns or throws, every reader has ended and its socket is closed. An interrupt of the caller
 * cancels the scope and {@code fetch} throws {@link InterruptedException}.
 */
public final class LazyHaskellClient implements ClientStyle {

    @Override
    public String name() {
        return "haskell-lazy";
    }

    @Override
    public String description() {
        return "just the poems, in order, each line as it arrives (Part 21)";
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        PoetryLines lines = PoetryLines.of(run);
        List<PoemTask> tasks = run.tasks(addresses);
        List<Mailbox<PoemPiece>> streams = new ArrayList<>(tasks.size());
        List<TaskOutcome> outcomes = new ArrayList<>(tasks.size());
        try (var scope = StructuredTaskScope.open(Joiner.<Void>awaitAll(),
                config -> config.withName("get-poetry").withThreadFactory(Thread.ofVirtual().name("task-", 1).factory()))) {
            for (PoemTask task : tasks) {
                Mailbox<PoemPiece> stream = new Mailbox<>();
                streams.add(stream);
                scope.fork(() -> read(task, run.options().fetch(), stream));
            }
            for (int i = 0; i < tasks.size(); i++) {
                outcomes.add(print(tasks.get(i), streams.get(i), lines));
            }
            scope.join(); // every stream has ended, so every reader has, or is about to
        }
        return List.copyOf(outcomes);
    }

    /**
     * A reader: fills its poem's stream line by line, then ends it, however the task ended (and
     * even if a bug ended it, so that the printer is never left waiting).
     */
    private static Void read(PoemTask task, FetchSettings settings, Mailbox<PoemPiece> stream)
            throws InterruptedException {
        try {
            BlockingTask.run(task, settings, PoemLines.splitting(line -> stream.send(new PoemPiece.Line(line))),
                    chunk -> { });
        } finally {
            stream.send(PoemPiece.End.END);
        }
        return null;
    }

    /** Prints one poem's lines as they come, until its stream ends; on the owner's thread. */
    private static TaskOutcome print(PoemTask task, Mailbox<PoemPiece> stream, PoetryLines lines)
            throws InterruptedException {
        for (PoemPiece piece; (piece = stream.receive()) instanceof PoemPiece.Line(byte[] text); ) {
            lines.poemLine(text);
        }
        // The reader ended the task before it ended the stream, and the mailbox hands that over.
        TaskOutcome outcome = task.outcome();
        if (outcome instanceof TaskOutcome.Failed failed) {
            lines.failed(failed.task(), failed.failure());
        }
        return outcome;
    }
}
