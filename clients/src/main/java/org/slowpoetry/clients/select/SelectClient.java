package org.slowpoetry.clients.select;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.protocol.Address;

/**
 * The asynchronous client of Part 2 ({@code get --style select}), written straight on
 * {@link Selector} with no framework: it connects to every server at once, waits on all the
 * sockets together, and reads from each only what has arrived. The whole fetch takes about as long
 * as the <em>slowest</em> poem: Figure 3 of Part 1.
 *
 * <p>This is the "before" picture for the reactor (Part 3 on): the loop in {@link #fetch} mixes the
 * waiting-for-events machinery with the poetry logic in {@link Download}. The reactor pulls the
 * two apart.
 *
 * {@snippet :
 * var outcomes = new SelectClient().fetch(addresses, ClientRun.printingTo(System.out));
 * // Task 1: got 30 bytes of poetry from 127.0.0.1:10000
 * // Task 2: got 10 bytes of poetry from 127.0.0.1:10001
 * // ...
 * // Task 1: 3003 bytes of poetry
 * }
 *
 * <p><b>Threading:</b> stateless; {@link #fetch} runs entirely on the calling thread (one thread,
 * many sockets) and closes its selector and every channel before it returns. An interrupt wakes
 * the selector; {@code fetch} then closes everything and throws {@link InterruptedException}.
 */
public final class SelectClient implements ClientStyle {

    /* Implementation overview
     *
     * The three steps of the text's loop:
     *   1. block in select() until one or more sockets are ready;
     *   2. for each ready socket, read what is there and no more (Download.onReady);
     *   3. repeat until every socket has been closed.
     * Connects are non-blocking too (OP_CONNECT), so a slow or dead server delays nobody.
     */

    @Override
    public String name() {
        return "select";
    }

    @Override
    public String description() {
        return "all at once on one thread, a bare Selector loop (Part 2)";
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        PoetryLines lines = PoetryLines.of(run);
        List<Download> downloads = new ArrayList<>(addresses.size());
        try (Selector selector = Selector.open()) {
            try {
                for (int i = 0; i < addresses.size(); i++) {
                    downloads.add(Download.start(i + 1, addresses.get(i), selector, run, lines));
                }
                selectUntilAllOver(selector, downloads);
            } finally {
                downloads.forEach(Download::close);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        List<TaskOutcome> outcomes = downloads.stream().map(Download::outcome).toList();
        for (TaskOutcome outcome : outcomes) {
            if (outcome instanceof TaskOutcome.Fetched fetched) {
                lines.poemSize(fetched.task(), fetched.received());
            }
        }
        return outcomes;
    }

    /** The select loop: wait for readiness, handle each ready download, until none is open. */
    private static void selectUntilAllOver(Selector selector, List<Download> downloads)
            throws IOException, InterruptedException {
        while (downloads.stream().anyMatch(d -> !d.isOver())) {
            selector.select(key -> ((Download) key.attachment()).onReady(key));
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while selecting");
            }
        }
    }
}
