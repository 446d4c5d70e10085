package org.slowpoetry.service;

import java.util.concurrent.atomic.AtomicReference;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;
import org.slowpoetry.reactor.ManualEventLoop;

/**
 * The two kinds of service, driven the same way so that one contract test runs against both: a
 * Loom service with its blocking calls, a reactor service on a {@link ManualEventLoop} driven by the
 * test's thread, its stop Deferred read once the loop has run what was due.
 *
 * <p><b>Threading:</b> the test's thread, which drives the loop.
 */
enum Kind {
    LOOM {
        @Override
        Service of(String name, Lifecycle steps, ManualEventLoop loop) {
            return LoomService.of(name, steps);
        }

        @Override
        Service emptyMulti(String name, ManualEventLoop loop) {
            return new LoomMultiService(name);
        }

        @Override
        void start(Service service, ManualEventLoop loop) throws ServiceException {
            ((LoomService) service).start();
        }

        @Override
        void stop(Service service, ManualEventLoop loop) throws ServiceException, InterruptedException {
            ((LoomService) service).stop();
        }
    },
    REACTOR {
        @Override
        Service of(String name, Lifecycle steps, ManualEventLoop loop) {
            return ReactorService.of(name, loop, steps);
        }

        @Override
        Service emptyMulti(String name, ManualEventLoop loop) {
            return new ReactorMultiService(name, loop);
        }

        @Override
        void start(Service service, ManualEventLoop loop) throws ServiceException {
            ((ReactorService) service).start();
        }

        @Override
        void stop(Service service, ManualEventLoop loop) throws ServiceException {
            outcomeOf(((ReactorService) service).stop(), loop);
        }
    };

    /** A service of this kind whose steps are {@code steps}. */
    abstract Service of(String name, Lifecycle steps, ManualEventLoop loop);

    /** A multi-service of this kind with no children yet. */
    abstract Service emptyMulti(String name, ManualEventLoop loop);

    /** A multi-service of this kind holding {@code children}, in order. */
    Service multi(String name, ManualEventLoop loop, Service... children) {
        Service multi = emptyMulti(name, loop);
        for (Service child : children) {
            add(multi, child);
        }
        return multi;
    }

    /** Adds {@code child} to {@code parent}, a multi-service of the child's kind. */
    static void add(Service parent, Service child) {
        switch (parent) {
            case LoomMultiService m -> m.add((LoomService) child);
            case ReactorMultiService m -> m.add((ReactorService) child);
            default -> throw new AssertionError("not a multi-service: " + parent);
        }
    }

    abstract void start(Service service, ManualEventLoop loop) throws ServiceException;

    /** Stops {@code service} and returns once it has stopped, throwing what the stop failed with. */
    abstract void stop(Service service, ManualEventLoop loop) throws ServiceException, InterruptedException;

    /**
     * Runs the loop until nothing is left to run now, then returns: if {@code stop} has fired with a
     * failure, throws it.
     *
     * @throws AssertionError if {@code stop} has not fired
     */
    static void outcomeOf(Deferred<Void> stop, ManualEventLoop loop) throws ServiceException {
        var outcome = new AtomicReference<Object>();
        stop.addBoth(result -> {
            outcome.set(result == null ? "stopped" : result);
            return null;
        });
        loop.advance(java.time.Duration.ZERO);
        switch (outcome.get()) {
            case null -> throw new AssertionError("the stop Deferred has not fired");
            case Failure f when f.value() instanceof ServiceException e -> throw e;
            case Failure f -> throw new AssertionError("the stop failed with no ServiceException", f.value());
            default -> {
            }
        }
    }
}
