package org.slowpoetry.clients.reactor.deferred;

import org.slowpoetry.clients.reactor.PoemTask;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.reactor.Reactor;

/**
 * Client 4.0's {@code get_poetry} (Part 8), the one every client from 4.0 to 8.0 calls: an
 * asynchronous function in the Twisted style, which takes only the address and returns a
 * {@link Deferred}, "a result that has not yet come".
 *
 * {@snippet :
 * Deferred<String> d = GetPoetry.getPoetry(reactor, task);
 * d.addCallbacks(poem -> { System.out.println(poem); return null; },
 *                err -> { System.err.println("Poem failed: " + err); return null; });
 * }
 *
 * <p><b>Threading:</b> call on the reactor's thread (or while configuring it before it runs, or
 * from an inline-callbacks body holding its baton); the Deferred fires on the reactor thread.
 */
public final class GetPoetry {
    private GetPoetry() {
    }

    /**
     * Downloads a poem from the task's server. Returns a Deferred fired with the text of the poem
     * (UTF-8), or with a failure (the refused connect, the reset) if it could not be downloaded.
     * Nothing fires before this returns.
     *
     * @throws WrongThreadException off the reactor's thread
     */
    public static Deferred<String> getPoetry(Reactor reactor, PoemTask task) {
        Deferred<String> d = new Deferred<>();
        Address address = task.address();
        reactor.connectTCP(address.host(), address.port(), new DeferredPoetryFactory(task, d));
        return d;
    }
}
