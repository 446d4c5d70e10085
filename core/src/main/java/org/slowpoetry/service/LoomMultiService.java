package org.slowpoetry.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Loom service made of others: starts its children in the order they were added and stops them
 * in reverse, each stop finished before the next begins (the port closes before the poem it
 * serves is dropped). Twisted's {@code MultiService} (Part 16).
 *
 * {@snippet :
 * var top = new LoomMultiService("fastpoetry");
 * PoetryService poetry = top.add(new PoetryService(path));
 * top.add(new LoomTcpServer("tcp-10000", "localhost", 10000, poetry::serve));
 * top.start();   // poetry, then the port
 * top.stop();    // the port, then poetry
 * }
 *
 * <p><b>Failures.</b> If a child fails to start, the children already started are stopped in
 * reverse, and {@code start()} throws that child's {@link ServiceException} (naming it), with any
 * errors from those stops suppressed by it. A child that fails to stop does not stop the others
 * from stopping: {@code stop()} stops every child, then throws the first failure with the others
 * suppressed by it.
 *
 * <p><b>Threading:</b> as {@link LoomService}; {@link #add} before {@code start()}, from the
 * thread building the tree. The children's steps run on the thread calling {@code start()} or
 * {@code stop()}.
 */
public final class LoomMultiService extends LoomService {
    private final Children<LoomService> children = new Children<>(this);

    public LoomMultiService(String name) {
        super(name);
    }

    /**
     * Adds {@code child} after the others; returns it.
     *
     * @throws IllegalStateException once started, if the child has a parent, or if a sibling has
     *                               its name
     */
    public <S extends LoomService> S add(S child) {
        return children.add(child);
    }

    /** The child named {@code name}, if any (Twisted's {@code getServiceNamed}). */
    public Optional<LoomService> service(String name) {
        return children.find(name);
    }

    /** The children in start order. */
    public List<LoomService> services() {
        return children.inOrder();
    }

    @Override
    protected void onStart() throws Exception {
        List<LoomService> started = new ArrayList<>();
        for (LoomService child : children.inOrder()) {
            try {
                child.start();
            } catch (ServiceException | RuntimeException | Error e) {
                // a misused child (started by hand: IllegalStateException) leaves no orphan either
                try {
                    ServiceException stops = stopInReverse(started);
                    if (stops != null) {
                        e.addSuppressed(stops);
                    }
                } catch (InterruptedException interrupted) {
                    e.addSuppressed(interrupted); // the child's failure is the news; the interrupt is kept
                    Thread.currentThread().interrupt();
                }
                throw e;
            }
            started.add(child);
        }
    }

    @Override
    protected void onStop() throws Exception {
        ServiceException failure = stopInReverse(children.inOrder());
        if (failure != null) {
            throw failure;
        }
    }

    /** Whether the calling thread belongs to one of the children. */
    @Override
    protected boolean ownsCurrentThread() {
        return children.inOrder().stream().anyMatch(LoomService::ownsCurrentThread);
    }

    /** Stops each of {@code services}, last first, all of them; the failures merged, or null. */
    private static ServiceException stopInReverse(List<LoomService> services) throws InterruptedException {
        ServiceException failure = null;
        boolean interrupted = false;
        for (LoomService child : services.reversed()) {
            try {
                child.stop();
            } catch (ServiceException e) {
                failure = Children.merge(failure, e);
            } catch (InterruptedException e) {
                interrupted = true; // stop the rest all the same, then say so
            }
        }
        if (interrupted) {
            throw new InterruptedException("interrupted while stopping services");
        }
        return failure;
    }
}
