package org.slowpoetry.clients.tour.reactor;

import java.io.IOException;
import java.io.PrintStream;
import org.slowpoetry.clients.tour.TourExample;
import org.slowpoetry.reactor.Reactor;
import org.slowpoetry.reactor.SelectorKind;

/**
 * Part 3's {@code simple-poll.py}: {@link SimpleExample} on a reactor that waits in
 * {@code poll(2)} instead of the default selector. Twisted installs the {@code pollreactor}
 * before the reactor is first imported; here the kind of selector is an argument when the reactor
 * is opened. The program behaves the same either way: "a poll loop that does nothing at all".
 *
 * <p>The JDK's poll selector sits in a package {@code java.base} does not export; if the JVM was
 * not started with {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED}, opening the reactor
 * throws {@link org.slowpoetry.reactor.SelectorUnavailableException}, whose message says so
 * (as the text's fails on a system without {@code poll}).
 *
 * <p><b>Threading:</b> as {@link SimpleExample}.
 */
public final class SimplePollExample implements TourExample {

    @Override
    public String name() {
        return "simple-poll";
    }

    @Override
    public int part() {
        return 3;
    }

    @Override
    public String summary() {
        return "simple on the poll(2) selector instead of epoll (stops after 1 s)";
    }

    @Override
    public void run(PrintStream out) throws IOException {
        try (Reactor reactor = Reactor.open(SelectorKind.POLL)) { // Twisted: pollreactor.install()
            SimpleExample.runDoingNothing(reactor, out);
        }
    }
}
