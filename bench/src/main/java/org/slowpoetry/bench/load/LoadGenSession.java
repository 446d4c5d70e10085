package org.slowpoetry.bench.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The load-generator process of a run: one {@code bench loadgen session} JVM, started once and
 * given one request per measurement, so that every measurement's clients are already compiled
 * and no measurement waits for a JVM to start.
 *
 * <p><b>Threading:</b> the harness's thread only; one request at a time.
 */
final class LoadGenSession implements AutoCloseable {
    /** The load generator's heap: 20,000 parked virtual threads and their buffers fit easily. */
    static final List<String> JVM = List.of("-Xmx2g");

    private final ChildProcess process;
    /** How long a request may take beyond its own deadline before the session counts as stuck. */
    private final long graceMillis;

    private LoadGenSession(ChildProcess process, long graceMillis) {
        this.process = process;
        this.graceMillis = graceMillis;
    }

    static LoadGenSession start() {
        return new LoadGenSession(ChildProcess.start("load generator",
                ChildProcess.javaCommand(JVM, List.of("bench", "loadgen", "session"))), 60_000);
    }

    /** {@code clients} at once fetch the poem from {@code port}; the result line, parsed. */
    Map<String, Object> fetch(int port, int clients, Path poem, double timeoutSeconds) throws InterruptedException {
        return request("fetch " + port + " " + clients + " " + timeoutSeconds + " " + poem, timeoutSeconds);
    }

    /** Opens and holds {@code clients} connections; returns once held (the "held" line). */
    Map<String, Object> hold(int port, int clients, int connecting, double timeoutSeconds) throws InterruptedException {
        return request("hold " + port + " " + clients + " " + connecting + " " + timeoutSeconds, timeoutSeconds);
    }

    /** Closes the held connections and waits until they are closed. */
    void release() throws InterruptedException {
        request("release", 30);
    }

    private Map<String, Object> request(String line, double timeoutSeconds) throws InterruptedException {
        try {
            process.send(line);
        } catch (IOException e) {
            throw process.failure("cannot send it a request: " + e.getMessage());
        }
        var reply = JsonLines.readObject(process.awaitLine(l -> l.startsWith("{"),
                Math.round(timeoutSeconds * 1000) + graceMillis, "an answer to '" + line + "'"));
        if (reply.get("error") instanceof String error) {
            throw process.failure(error);
        }
        return reply;
    }

    @Override
    public void close() {
        process.close();
    }
}
