package org.slowpoetry.loom;

/**
 * The code a process runs: Erlang's {@code fun}. It gets its own {@link Pid} ("self"), from which
 * it reaches its mailbox. Returning ends the process with {@link ExitReason.Normal}; throwing
 * anything ends it with {@link ExitReason.Failed}.
 *
 * {@snippet :
 * ProcessBody<String> echo = self -> {
 *     while (true) {
 *         String line = self.mailbox().receive();
 *         System.out.println(line);
 *     }
 * };
 * }
 *
 * <p>A body should let {@link InterruptedException} propagate (or return when it sees one): an
 * interrupt is how {@link Pid#exit(String)} and closing a scope ask the process to end. Blocking
 * calls on a virtual thread (mailbox receives, sleeps, {@code java.net} socket reads and writes,
 * locks) all respond to it.
 *
 * <p><b>Threading:</b> runs on the process's own virtual thread, once.
 *
 * @param <M> the type of the messages the process receives
 */
@FunctionalInterface
public interface ProcessBody<M> {

    /** Runs the process. */
    void run(Pid<M> self) throws Exception;
}
