package org.slowpoetry.clients;

import java.util.List;
import java.util.Set;
import org.slowpoetry.protocol.Address;

/**
 * One way of fetching poems, chosen with {@code get --style NAME}: {@code blocking} and
 * {@code select} (Part 2), the reactor clients (Parts 4–10, 17–19), the Loom clients (Parts 20–21).
 * Styles are plugins listed in {@code META-INF/services/org.slowpoetry.clients.ClientStyle}.
 *
 * <p>A style prints, through {@link PoetryLines}, what the text's program for its Part prints: its
 * stdout lines to {@link ClientRun#out()}, its stderr lines and our additions to
 * {@link ClientRun#err()}. It drives one {@link PoemTask} per address (the task tells
 * {@link ClientRun#listener()} about every event; the demo draws timelines from them) and returns
 * one outcome per address, in the order given. It never prints a stack trace for a server that
 * cannot be reached: that is an outcome, {@link TaskOutcome.Failed}. Every wait is bounded by
 * {@code run.options().fetch()}: the connect and every idle read time out.
 *
 * <p><b>Threading:</b> {@link #fetch} is called on the command's thread and must have ended every
 * thread and closed every socket it opened before it returns (normally or by exception).
 */
public interface ClientStyle {

    /** The {@code --style} name. */
    String name();

    /** One line for {@code get --help}: what it shows and which Part it comes from. */
    String description();

    /**
     * Whether the text's program ends with {@code Got N poems in T} on stdout; {@code get} prints
     * its summary there for these styles and on stderr for the others. By default, the styles that
     * offer {@link GetOption#PRINT}: the originals split that way, an original that does not print
     * its poems (the blocking and async clients, clients 1.0 and 2.0, and the Loom and threaded
     * clients that mirror the async one) ends with the summary instead, and one that prints them
     * (2.1 on, the Erlang and Haskell clients) has none.
     */
    default boolean printsSummary() {
        return options().contains(GetOption.PRINT);
    }

    /**
     * Whether the first address on the command line is a transform server's (Part 12), not a
     * poetry server's, as for clients 6.0 to 8.0: {@code get} then hands it over in
     * {@link GetOptions#transformAddress()} (empty for {@code ""}: skip the transform, Part 13's
     * exercise 2) and passes the rest to {@link #fetch}, one poem per address. By default, the
     * styles that ask a transform server for {@link GetOption#XFORM --xform NAME} take one.
     */
    default boolean takesTransformAddress() {
        return options().contains(GetOption.XFORM);
    }

    /** The optional {@code get} options this style understands; others are rejected. */
    default Set<GetOption> options() {
        return Set.of();
    }

    /**
     * Fetches one poem from each address; task {@code i + 1} is {@code addresses.get(i)}.
     *
     * @return one outcome per address, in the order of {@code addresses}
     * @throws InterruptedException if the calling thread is interrupted; everything is cleaned up
     */
    List<TaskOutcome> fetch(List<Address> addresses, ClientRun run) throws InterruptedException;
}
