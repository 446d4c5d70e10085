package org.slowpoetry.service;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.reactor.EventLoop;

/**
 * A reactor service made of others: starts its children in the order they were added and stops
 * them in reverse, each child's stop Deferred fired before the next child's stop begins. Twisted's
 * {@code MultiService} (Part 16), which starts every child's stop at once; one at a time gives a
 * real order (the port closes before the poem it serves is dropped) at the cost of a slower stop.
 *
 * {@snippet :
 * var top = new ReactorMultiService("fastpoetry", reactor);
 * var poetry = top.add(ReactorService.of("poetry", reactor, loader));
 * top.add(new ReactorTcpServer("tcp-10000", reactor, "localhost", 10000, factory));
 * reactor.callWhenRunning(() -> start(top));
 * }
 *
 * <p><b>Failures.</b> If a child fails to start, {@code start()} throws its
 * {@link ServiceException} and the children already started are stopped in reverse; the Deferred
 * of a later {@code stop()} fires when they have. A child that fails to stop does not keep the
 * others from stopping: the stop Deferred fails, once all have stopped, with the first failure,
 * the others suppressed by it.
 *
 * <p><b>Threading:</b> as {@link ReactorService}; {@link #add} before {@code start()}, from the
 * thread building the tree. Every child must run on the same loop.
 */
public final class ReactorMultiService extends ReactorService {
    private final Children<ReactorService> children = new Children<>(this);
    /** The children to stop, in start order: every one started, and the one whose start failed; loop thread only. */
    private final List<ReactorService> started = new ArrayList<>();

    public ReactorMultiService(String name, EventLoop loop) {
        super(name, loop);
    }

    /**
     * Adds {@code child} after the others; returns it.
     *
     * @throws IllegalStateException    once started, if the child has a parent, or a sibling has its name
     * @throws IllegalArgumentException if the child runs on another loop
     */
    public <S extends ReactorService> S add(S child) {
        if (child.loop() != loop()) {
            throw new IllegalArgumentException(child.name() + " runs on another loop than " + name());
        }
        return children.add(child);
    }

    /** The child named {@code name}, if any. */
    public Optional<ReactorService> service(String name) {
        return children.find(name);
    }

    /** The children in start order. */
    public List<ReactorService> services() {
        return children.inOrder();
    }

    @Override
    protected void onStart() throws Exception {
        for (ReactorService child : children.inOrder()) {
            try {
                child.start();
            } catch (ServiceException e) {
                // onStartFailed() stops those in `started`, last first; the failed child's stop()
                // waits for its own clean-up (a multi-service stopping what it had started).
                started.add(child);
                throw e;
            }
            started.add(child);
        }
    }

    @Override
    protected Deferred<Void> onStop() {
        return stopInReverse();
    }

    @Override
    protected Deferred<Void> onStartFailed() {
        return stopInReverse();
    }

    private Deferred<Void> stopInReverse() {
        var done = new Deferred<Void>();
        stopNext(List.copyOf(started).reversed().iterator(), null, done);
        return done;
    }

    /** Stops the next child; when its Deferred fires, the one after; finally fires {@code done}. */
    private static void stopNext(Iterator<ReactorService> rest, ServiceException failure, Deferred<Void> done) {
        if (!rest.hasNext()) {
            if (failure == null) {
                done.callback(null);
            } else {
                done.errback(failure);
            }
            return;
        }
        ReactorService child = rest.next();
        child.stop().addCallbacks(ok -> {
            stopNext(rest, failure, done);
            return null;
        }, f -> {
            ServiceException e = f.value() instanceof ServiceException se
                    ? se : ServiceException.cannotStop(child.name(), f.value());
            stopNext(rest, Children.merge(failure, e), done);
            return null;
        });
    }
}
