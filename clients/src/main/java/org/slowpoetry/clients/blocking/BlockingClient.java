package org.slowpoetry.clients.blocking;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.slowpoetry.clients.ClientRun;
import org.slowpoetry.clients.ClientStyle;
import org.slowpoetry.clients.PoetryLines;
import org.slowpoetry.clients.TaskListener;
import org.slowpoetry.clients.TaskOutcome;
import org.slowpoetry.protocol.Address;

/**
 * The blocking client of Part 2 ({@code get --style blocking}): one poem after another, on the
 * calling thread, with a plain {@link Socket}. While it waits for task 1's next bytes it can do
 * nothing else, so the whole fetch takes the <em>sum</em> of the poems' times: Figure 1 of Part 1.
 *
 * {@snippet :
 * var outcomes = new BlockingClient().fetch(List.of(Address.parse("10000")), ClientRun.printingTo(System.out));
 * // Task 1: get poetry from: 127.0.0.1:10000
 * // Task 1: got 3003 bytes of poetry from 127.0.0.1:10000 in 0:00:10.126361
 * }
 *
 * <p><b>Threading:</b> stateless; {@link #fetch} runs entirely on the calling thread and opens one
 * socket at a time, closed before the next task starts. Socket reads cannot be interrupted on a
 * platform thread: an interrupt is seen between reads. On a virtual thread an interrupt closes the
 * socket at once (JDK behaviour), and {@code fetch} throws {@link InterruptedException}.
 */
public final class BlockingClient implements ClientStyle {

    /* Implementation overview
     *
     * The loop of the text's blocking client: for each address, connect, read until the server
     * closes (read returns -1), report. Every read is reported to the listener (the demo draws one
     * mark per read). A connect that fails, or a read that throws, ends that task with a Failed
     * outcome and one line; the next task still runs, as a blocking program can do no better.
     */

    /** The text's clients read up to 1024 bytes at a time. */
    private static final int READ_SIZE = 1024;

    @Override
    public String name() {
        return "blocking";
    }

    @Override
    public String description() {
        return "one poem after another, one thread, java.net.Socket (Part 2)";
    }

    @Override
    public List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException {
        PoetryLines lines = PoetryLines.of(run);
        List<TaskOutcome> outcomes = new ArrayList<>(addresses.size());
        for (int i = 0; i < addresses.size(); i++) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted before task " + (i + 1));
            }
            outcomes.add(fetchOne(i + 1, addresses.get(i), run, lines));
        }
        return List.copyOf(outcomes);
    }

    /** One task: connect, read to the end, report. Blocks the caller for the whole poem. */
    private static TaskOutcome fetchOne(int task, Address address, ClientRun run, PoetryLines lines)
            throws InterruptedException {
        TaskListener listener = run.listener();
        listener.started(task, address);
        lines.getting(task, address);
        long start = run.clock().nanoTime();
        ByteArrayOutputStream poem = new ByteArrayOutputStream();
        String failure = null;
        try (Socket socket = new Socket()) {
            try {
                socket.connect(address.toSocketAddress());
            } catch (IOException e) {
                failure = PoetryLines.cannotConnect(address, e);
            }
            if (failure == null) {
                failure = readToEnd(task, socket.getInputStream(), poem, listener, address);
            }
        } catch (IOException closeOrStreamFailure) {
            // getInputStream() or close() failed: rare, and the bytes so far are all we have
            failure = PoetryLines.connectionLost(address, poem.size(), closeOrStreamFailure);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted during task " + task);
        }
        var elapsed = run.clock().since(start);
        if (failure != null) {
            listener.failed(task, failure);
            lines.failed(task, failure);
            return new TaskOutcome.Failed(task, address, failure, poem.toByteArray(), elapsed);
        }
        listener.finished(task);
        lines.gotPoem(task, poem.size(), address, elapsed);
        return new TaskOutcome.Fetched(task, address, poem.toByteArray(), elapsed);
    }

    /** Reads until end of stream; returns null, or the failure reason if the connection broke. */
    private static String readToEnd(
            int task, InputStream in, ByteArrayOutputStream poem, TaskListener listener, Address address) {
        byte[] buffer = new byte[READ_SIZE];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                poem.write(buffer, 0, n);
                listener.received(task, n);
            }
            return null;
        } catch (IOException e) {
            return PoetryLines.connectionLost(address, poem.size(), e);
        }
    }
}
