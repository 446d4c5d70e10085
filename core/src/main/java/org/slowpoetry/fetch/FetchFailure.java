package org.slowpoetry.fetch;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Objects;
import org.slowpoetry.protocol.Address;
import org.slowpoetry.protocol.LimitExceededException;
import org.slowpoetry.protocol.ProtocolException;

/**
 * Why a poem did not arrive: every way a download (or a transform request, which fails the same
 * ways, and one more: {@link NoReply}) can fail, as a value. Network code, in either
 * style, returns (or throws, in {@link FetchException}) one of these; it never builds a sentence.
 * One presentation layer (the clients' {@code PoetryLines}) turns each into the line a user reads,
 * with a pattern-matching {@code switch} that the compiler checks for completeness:
 *
 * {@snippet :
 * String line = switch (failure) {
 *     case FetchFailure.Refused r -> "failed to connect to " + r.address() + ": Connection refused";
 *     case FetchFailure.TimedOut t -> "timed out after " + t.after() + " with " + t.received() + " bytes";
 *     // ... one case per record: leave one out and it does not compile
 * };
 * }
 *
 * <p>The two factories classify what the JDK threw, so that a blocking socket and a reactor's
 * non-blocking channel report the same failure the same way: {@link #connectFailed} for anything
 * before the connection is made, {@link #readFailed} for anything after.
 *
 * <p><b>Threading:</b> immutable values.
 */
public sealed interface FetchFailure {

    /** The server the poem was to come from. */
    Address address();

    /** How many bytes of the poem arrived before the failure (0 for a failed connect). */
    int received();

    /**
     * Whether the connection was never made: the name did not resolve, or the connect was refused,
     * failed or timed out. (A reactor tells these to the factory, {@code clientConnectionFailed},
     * and the others to the protocol, {@code connectionLost}; clients 2.0 and 2.1 print a line of
     * their own for them.)
     */
    default boolean beforeConnection() {
        return switch (this) {
            case UnknownHost f -> true;
            case Refused f -> true;
            case CannotConnect f -> true;
            case TimedOut f -> !f.connected();
            case GaveUp f -> f.last().beforeConnection();
            case Lost f -> false;
            case NoPoem f -> false;
            case TooLong f -> false;
            case Truncated f -> false;
            case BadPoem f -> false;
            case Rejected f -> false;
            case NoReply f -> false;
        };
    }

    /** The host name does not resolve. */
    record UnknownHost(Address address) implements FetchFailure {
        public UnknownHost {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public int received() {
            return 0;
        }
    }

    /** Nobody listens on the port: the connect was refused. */
    record Refused(Address address) implements FetchFailure {
        public Refused {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public int received() {
            return 0;
        }
    }

    /**
     * The connect failed another way (no route to the host, say).
     *
     * @param detail the operating system's words, one line: {@code No route to host}
     */
    record CannotConnect(Address address, String detail) implements FetchFailure {
        public CannotConnect {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public int received() {
            return 0;
        }
    }

    /**
     * Nothing happened for {@code after}: the connect did not complete ({@code received} is 0 and
     * {@code connected} false), or the server went silent (no byte for that long) before it closed.
     */
    record TimedOut(Address address, boolean connected, int received, Duration after) implements FetchFailure {
        public TimedOut {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(after, "after");
        }
    }

    /**
     * The connection broke before the server closed it (a reset, say).
     *
     * @param detail the operating system's words, one line: {@code Connection reset}
     */
    record Lost(Address address, int received, String detail) implements FetchFailure {
        public Lost {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * The server closed the connection without sending a byte: no poem at all. A server that turns
     * a client away (its {@code --max-connections} is reached) does exactly this.
     */
    record NoPoem(Address address) implements FetchFailure {
        public NoPoem {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public int received() {
            return 0;
        }
    }

    /**
     * The server sent more than the client's limit: it was cut off before the limit was passed.
     *
     * @param limit the most bytes the client accepts
     */
    record TooLong(Address address, int received, long limit) implements FetchFailure {
        public TooLong {
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * The poem was framed ({@link org.slowpoetry.protocol.PoemFraming#NETSTRING}) and the server
     * closed the connection before the frame was complete: the poem was cut short, and the client
     * can tell (Part 12, exercise 6). An unframed poem cannot fail this way.
     *
     * @param received the bytes that arrived, the frame's included
     */
    record Truncated(Address address, int received) implements FetchFailure {
        public Truncated {
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * The bytes are not a poem the client can read (a line past the line splitter's limit, say).
     *
     * @param detail what is wrong, one line
     */
    record BadPoem(Address address, int received, String detail) implements FetchFailure {
        public BadPoem {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * The poem arrived whole but a later stage turned it down: Part 10's {@code GibberishError}.
     *
     * @param detail why, one line: {@code the input is not a genuine poem}
     */
    record Rejected(Address address, int received, String detail) implements FetchFailure {
        public Rejected {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * A transform server (Part 12) read the request and closed the connection without a byte of
     * reply: what its protocol does for a transform it does not know.
     *
     * @param transform the name of the transform that was asked for
     */
    record NoReply(Address address, String transform) implements FetchFailure {
        public NoReply {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(transform, "transform");
        }

        @Override
        public int received() {
            return 0;
        }
    }

    /**
     * A supervised download failed, was restarted {@code retries} times, and failed again.
     *
     * @param last the last attempt's failure
     */
    record GaveUp(int retries, FetchFailure last) implements FetchFailure {
        public GaveUp {
            Objects.requireNonNull(last, "last");
            if (retries < 1) {
                throw new IllegalArgumentException("gave up after no retries: " + retries);
            }
        }

        @Override
        public Address address() {
            return last.address();
        }

        @Override
        public int received() {
            return last.received();
        }
    }

    /**
     * The failure of a connect to {@code address} that threw {@code cause}.
     *
     * @param timeout the connect timeout that was in force, reported if the connect timed out
     */
    static FetchFailure connectFailed(Address address, Throwable cause, Duration timeout) {
        return switch (cause) {
            case UnknownHostException e -> new UnknownHost(address);
            case UnresolvedAddressException e -> new UnknownHost(address);
            case SocketTimeoutException e -> new TimedOut(address, false, 0, timeout);
            case ConnectException e when isRefusal(e) -> new Refused(address);
            case NoRouteToHostException e -> new CannotConnect(address, detail(e));
            case Throwable t -> new CannotConnect(address, detail(t));
        };
    }

    /**
     * The failure of a connection to {@code address} that threw {@code cause} after
     * {@code received} bytes had arrived.
     *
     * @param timeout the idle timeout that was in force, reported if the read timed out
     */
    static FetchFailure readFailed(Address address, int received, Throwable cause, Duration timeout) {
        return switch (cause) {
            case SocketTimeoutException e -> new TimedOut(address, true, received, timeout);
            case LimitExceededException e -> new TooLong(address, received, e.limit());
            case ProtocolException e -> new BadPoem(address, received, detail(e));
            case Throwable t -> new Lost(address, received, detail(t));
        };
    }

    /**
     * The words of {@code cause} on one line: its message's first line, or its class's simple name
     * when it has no message.
     */
    static String detail(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return cause.getClass().getSimpleName();
        }
        return message.strip().lines().findFirst().orElse(cause.getClass().getSimpleName());
    }

    private static boolean isRefusal(ConnectException e) {
        // The JDK says "Connection refused" for ECONNREFUSED on every platform it runs on; a connect
        // exception with other words (a non-blocking connect's "Connection timed out") is not one.
        return e.getMessage() == null || e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("refused");
    }
}
