package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;
import org.slowpoetry.reactor.Reactor;

/**
 * {@code defer-9}, the text's {@code twisted-deferred/defer-9.py} (Part 7): defer-8 refactored.
 * Stopping the reactor, which both the callback and the errback did, becomes a second stage,
 * added with {@link Deferred#addBoth addBoth} so that it runs whichever way the first stage went.
 *
 * <p><b>Threading:</b> the reactor runs on a thread of its own ({@link Loops#run}), and the
 * Deferred is fired and its callbacks run there; {@code run} returns after the reactor stopped.
 */
public final class Defer9 extends Example {

    public Defer9() {
        super("defer-9", 7, "defer-8 refactored: addBoth adds a second stage that stops the reactor");
    }

    @Override
    public void run(PrintStream out) throws Exception {
        try (Reactor reactor = Reactor.open()) {
            Callback<String, Void> gotPoem = poem -> {
                out.println(poem);
                return null;
            };
            Callback<Failure, Void> poemFailed = err -> {
                out.println("poem download failed");
                out.println("I am terribly sorry");
                out.println("try again later?");
                return null;
            };
            Callback<Object, Void> poemDone = ignored -> {
                reactor.stop();
                return null;
            };

            Deferred<String> d = new Deferred<>();
            d.addCallbacks(gotPoem, poemFailed);
            d.addBoth(poemDone);

            reactor.callWhenRunning(() -> d.callback("Another short poem."));
            Loops.run(reactor, name());
        }
    }
}
