package org.slowpoetry.clients.tour.defer;

import java.io.PrintStream;
import org.slowpoetry.defer.Callback;
import org.slowpoetry.defer.Deferred;
import org.slowpoetry.defer.Failure;
import org.slowpoetry.reactor.Reactor;

/**
 * {@code defer-8}, the text's {@code twisted-deferred/defer-8.py} (Part 7): a Deferred fired by
 * the reactor once it runs. Both the callback and the errback stop the reactor: duplicate code,
 * which defer-9 moves into a stage of its own. (The text's errback writes its apology to stderr;
 * an example prints only to its one output.)
 *
 * <p><b>Threading:</b> the reactor runs on a thread of its own ({@link Loops#run}), and the
 * Deferred is fired and its callbacks run there; {@code run} returns after the reactor stopped.
 */
public final class Defer8 extends Example {

    public Defer8() {
        super("defer-8", 7, "a Deferred fired by the reactor; callback and errback both stop it");
    }

    @Override
    public void run(PrintStream out) throws Exception {
        try (Reactor reactor = Reactor.open()) {
            Callback<String, Void> gotPoem = poem -> {
                out.println(poem);
                reactor.stop();
                return null;
            };
            Callback<Failure, Void> poemFailed = err -> {
                out.println("poem download failed");
                out.println("I am terribly sorry");
                out.println("try again later?");
                reactor.stop();
                return null;
            };

            Deferred<String> d = new Deferred<>();
            d.addCallbacks(gotPoem, poemFailed);

            reactor.callWhenRunning(() -> d.callback("Another short poem."));
            Loops.run(reactor, name());
        }
    }
}
