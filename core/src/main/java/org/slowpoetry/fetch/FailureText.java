package org.slowpoetry.fetch;

import java.math.BigDecimal;
import java.time.Duration;
import org.slowpoetry.protocol.Address;

/**
 * The words for a {@link FetchFailure}: the one place a failure value becomes a sentence, shared by
 * the clients' presentation layer ({@code PoetryLines}) and the servers that fetch (the proxies'
 * log lines), so a user reads the same words for the same failure wherever it happened.
 *
 * <pre>
 * failed to connect to 127.0.0.1:10001: Connection refused
 * failed to connect to nowhere.invalid:10000: unknown host 'nowhere.invalid'
 * failed to connect to 10.0.0.9:10000: timed out after 2 s
 * timed out after 2 s with 120 bytes from 127.0.0.1:10002
 * lost connection to 127.0.0.1:10002 after 120 bytes: Connection reset
 * no poem from 127.0.0.1:10003: the server closed the connection before sending a byte
 * poem from 127.0.0.1:10000 is too long: over 16777216 bytes
 * poem from 127.0.0.1:10000 was cut short: the connection closed after 57 bytes, inside its netstring
 * bad poem from 127.0.0.1:10000: line longer than 1048576 bytes
 * poem from 127.0.0.1:10000 failed: the input is not a genuine poem
 * no reply from 127.0.0.1:11000 to transform 'x': the server closed the connection (it has no such transform?)
 * gave up after 2 retries: lost connection to 127.0.0.1:10000 after 0 bytes: Connection reset
 * </pre>
 *
 * <p><b>Threading:</b> stateless; pure functions.
 */
public final class FailureText {
    private FailureText() {
    }

    /** Why a download failed, in one line naming the server. */
    public static String reason(FetchFailure failure) {
        return switch (failure) {
            case FetchFailure.UnknownHost f -> cannotConnect(f.address(), "unknown host '" + f.address().host() + "'");
            case FetchFailure.Refused f -> cannotConnect(f.address(), "Connection refused");
            case FetchFailure.CannotConnect f -> cannotConnect(f.address(), f.detail());
            case FetchFailure.TimedOut f when !f.connected() ->
                    cannotConnect(f.address(), "timed out after " + seconds(f.after()) + " s");
            case FetchFailure.TimedOut f ->
                    "timed out after " + seconds(f.after()) + " s with " + bytes(f.received()) + " from " + f.address();
            case FetchFailure.Lost f ->
                    "lost connection to " + f.address() + " after " + bytes(f.received()) + ": " + f.detail();
            case FetchFailure.NoPoem f ->
                    "no poem from " + f.address() + ": the server closed the connection before sending a byte";
            case FetchFailure.TooLong f -> "poem from " + f.address() + " is too long: over " + bytes(f.limit());
            case FetchFailure.Truncated f -> "poem from " + f.address() + " was cut short: the connection closed after "
                    + bytes(f.received()) + ", inside its netstring";
            case FetchFailure.BadPoem f -> "bad poem from " + f.address() + ": " + f.detail();
            case FetchFailure.Rejected f -> "poem from " + f.address() + " failed: " + f.detail();
            case FetchFailure.NoReply f -> "no reply from " + f.address() + " to transform '" + f.transform()
                    + "': the server closed the connection (it has no such transform?)";
            case FetchFailure.GaveUp f ->
                    "gave up after " + f.retries() + (f.retries() == 1 ? " retry: " : " retries: ") + reason(f.last());
        };
    }

    private static String cannotConnect(Address address, String why) {
        return "failed to connect to " + address + ": " + why;
    }

    /** {@code 30 bytes}, but {@code 1 byte}. */
    private static String bytes(long count) {
        return count + (count == 1 ? " byte" : " bytes");
    }

    /** {@code 2}, {@code 0.5}, {@code 1.25}: seconds as typed after {@code --timeout}. */
    private static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString();
    }
}
