package org.slowpoetry.reactor;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * A platform thread that runs a {@link Reactor}, and owns it: for programs that need the reactor in
 * the background (a server started by a command, a test) rather than on their main thread.
 *
 * {@snippet :
 * Reactor reactor = Reactor.open();
 * ListeningPort port = reactor.listenTCP(0, factory, "127.0.0.1");  // configure first
 * try (ReactorThread loop = ReactorThread.start(reactor, "poetry-reactor")) {
 *     fetch(port.port());
 *     loop.call(() -> port.listening());  // run something on the loop and wait for it
 * } // stops the reactor, waits for the teardown, joins the thread
 * }
 *
 * <p>Starting hands the reactor over: from then on the thread that configured it is just another
 * thread, and must use {@link Reactor#callFromThread} or {@link #call}.
 *
 * <p><b>Threading:</b> every method is safe from any thread but the reactor's own (and code holding
 * the reactor, see {@link EventLoop}); {@link #call} and {@link #close()} throw
 * {@link WrongThreadException} there (they would wait for themselves).
 */
public final class ReactorThread implements AutoCloseable {
    private final Reactor reactor;
    private final Thread thread;

    private ReactorThread(Reactor reactor, Thread thread) {
        this.reactor = reactor;
        this.thread = thread;
    }

    /**
     * Starts a thread called {@code name} that runs {@code reactor} until it stops.
     *
     * @throws IllegalStateException if the reactor is not new
     * @throws WrongThreadException unless called by the thread that opened the reactor
     */
    public static ReactorThread start(Reactor reactor, String name) {
        Objects.requireNonNull(name, "name");
        Thread thread = Thread.ofPlatform().name(name).unstarted(reactor::run);
        reactor.handOff(thread);
        thread.start();
        return new ReactorThread(reactor, thread);
    }

    public Reactor reactor() {
        return reactor;
    }

    public Thread thread() {
        return thread;
    }

    /** Runs {@code task} on the reactor thread and waits for its result ({@link Reactor#blockingCallFromThread}). */
    public <T> T call(Callable<T> task) throws Exception {
        return reactor.blockingCallFromThread(task);
    }

    /** Runs {@code task} on the reactor thread soon ({@link Reactor#callFromThread}). */
    public void execute(Runnable task) {
        reactor.callFromThread(task);
    }

    /** Blocks until the reactor has stopped and its thread has ended. */
    public void join() throws InterruptedException {
        thread.join();
    }

    /**
     * Stops the reactor if it runs, waits for its teardown, and joins the thread. Idempotent.
     *
     * @throws WrongThreadException on the reactor thread
     */
    @Override
    public void close() {
        if (reactor.inEventLoop()) {
            throw new WrongThreadException("a reactor thread cannot close (and wait for) itself; call reactor.stop()");
        }
        reactor.close();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "ReactorThread[" + thread.getName() + ", " + reactor.state() + "]";
    }
}
