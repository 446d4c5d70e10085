package org.slowpoetry.clients.loom;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.StructuredTaskScope;
import java.util.concurrent.StructuredTaskScope.Joiner;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.loom.Mailbox;
import org.slowpoetry.loom.TaskContext;
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
 * <p>A server that cannot be reached (Part 21, exercise 2) gives one readable line when its poem's
 * turn comes, and every other poem is still printed.
 *
 * <p><b>Threading:</b> stateless. {@link #fetch} owns the scope and is the only thread that prints
 * poem text; the readers only fill their streams (and tell the listener). When {@code fetch}
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
        List<Mailbox<PoemPiece>> streams = new ArrayList<>(addresses.size());
        List<TaskOutcome> outcomes = new ArrayList<>(addresses.size());
        try (var scope = StructuredTaskScope.open(Joiner.<Void>awaitAll(),
                config -> config.withName("get-poetry").withThreadFactory(Thread.ofVirtual().name("task-", 1).factory()))) {
            for (int i = 0; i < addresses.size(); i++) {
                Address address = addresses.get(i);
                Mailbox<PoemPiece> stream = new Mailbox<>();
                streams.add(stream);
                var context = new TaskContext(i + 1, address.toString());
                run.listener().started(context.task(), address);
                scope.fork(() -> ScopedValue.where(TaskContext.CURRENT, context).call(() -> read(address, stream, run)));
            }
            for (int i = 0; i < addresses.size(); i++) {
                outcomes.add(print(i + 1, addresses.get(i), streams.get(i), lines));
            }
            scope.join(); // every stream has ended, so every reader has, or is about to
        }
        return List.copyOf(outcomes);
    }

    /** A reader: fills its poem's stream line by line, then ends it. Never throws for a poetry failure. */
    private static Void read(Address address, Mailbox<PoemPiece> stream, ClientRun run) throws InterruptedException {
        int task = TaskContext.current().task();
        long start = run.clock().nanoTime();
        try {
            byte[] poem = PoemLines.fetch(address,
                    chunk -> run.listener().received(task, chunk.length),
                    line -> stream.send(new PoemPiece.Line(line)));
            run.listener().finished(task);
            stream.send(new PoemPiece.End(poem, run.clock().since(start)));
        } catch (FetchFailedException e) {
            run.listener().failed(task, e.reason());
            stream.send(new PoemPiece.Broken(e.reason(), e.partial(), run.clock().since(start)));
        }
        return null;
    }

    /** Prints one poem's lines as they come, until its stream ends; on the owner's thread. */
    private static TaskOutcome print(int task, Address address, Mailbox<PoemPiece> stream, PoetryLines lines)
            throws InterruptedException {
        while (true) {
            switch (stream.receive()) {
                case PoemPiece.Line line -> lines.poemLine(line.text());
                case PoemPiece.End end -> {
                    return new TaskOutcome.Fetched(task, address, end.poem(), end.elapsed());
                }
                case PoemPiece.Broken broken -> {
                    lines.failed(task, broken.reason());
                    return new TaskOutcome.Failed(task, address, broken.reason(), broken.partial(), broken.elapsed());
                }
            }
        }
    }
}
