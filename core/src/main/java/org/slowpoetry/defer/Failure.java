package org.slowpoetry.defer;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * An exception as a value: what travels down a {@link Deferred}'s errback line (Parts 6 and 9),
 * Twisted's {@code twisted.python.failure.Failure}. It wraps the throwable together with its stack
 * trace and cause chain, so that the place where things went wrong can still be printed long after
 * the {@code catch} that caught it has returned, on a different call stack.
 *
 * {@snippet :
 * Failure f = Failure.of(new IOException("Connection was refused"));
 * if (f.check(IOException.class) != null) {
 *     System.err.println("Poem failed: " + f.getErrorMessage());
 * }
 * f.trap(IOException.class);   // returns IOException.class; anything else would be re-thrown
 * }
 *
 * <p>A Failure handed along a chain is the same object all the way: an errback that returns it,
 * or {@linkplain #trap traps} it and lets the trap re-throw, passes the original exception with its
 * original stack trace to the next errback. Nothing is re-wrapped on the way.
 *
 * <p><b>Threading:</b> immutable apart from a cached rendering of the traceback, which is
 * published through a {@code volatile} field; safe to read from any thread (the unhandled-error
 * reporter reads it on the cleaner thread).
 */
public final class Failure {
    private final Throwable value;
    /** The traceback text, rendered on first use by any thread; racing renders agree. */
    private volatile String traceback;

    private Failure(Throwable value) {
        this.value = value;
    }

    /**
     * The Failure for {@code throwable}. A {@link FailureException} yields the Failure it carries,
     * and the wrappers the JDK's futures add ({@link CompletionException},
     * {@link ExecutionException}) are unwrapped to the exception that really happened.
     */
    public static Failure of(Throwable throwable) {
        Objects.requireNonNull(throwable, "throwable");
        Throwable t = throwable;
        while (true) {
            if (t instanceof FailureException carrier) {
                return carrier.failure();
            }
            if ((t instanceof CompletionException || t instanceof ExecutionException)
                    && t.getCause() != null) {
                t = t.getCause();
                continue;
            }
            return new Failure(t);
        }
    }

    /** The exception: Twisted's {@code failure.value}. */
    public Throwable value() {
        return value;
    }

    /** The exception's class: Twisted's {@code failure.type}. */
    public Class<? extends Throwable> type() {
        return value.getClass();
    }

    /**
     * The first of {@code types} that the exception is an instance of, or {@code null} if none is:
     * the test an {@code except} clause makes.
     */
    @SafeVarargs
    public final Class<? extends Throwable> check(Class<? extends Throwable>... types) {
        for (Class<? extends Throwable> type : types) {
            if (type.isInstance(value)) {
                return type;
            }
        }
        return null;
    }

    /**
     * Like {@link #check}, but when nothing matches the Failure is re-thrown (inside a
     * {@link FailureException}) so that, in an errback, the error carries on down the errback
     * line: an {@code except} clause that does not match.
     *
     * @return the first matching type
     * @throws FailureException carrying this very Failure when no type matches
     */
    @SafeVarargs
    public final Class<? extends Throwable> trap(Class<? extends Throwable>... types) {
        Class<? extends Throwable> match = check(types);
        if (match == null) {
            throw new FailureException(this);
        }
        return match;
    }

    /**
     * Throws the exception itself, as an {@code except} block's bare {@code raise} would: checked
     * exceptions and errors as they are, any other throwable inside a {@link FailureException}.
     * It never returns; the return type lets callers write {@code throw failure.rethrow()}.
     */
    public Exception rethrow() throws Exception {
        if (value instanceof Exception e) {
            throw e;
        }
        if (value instanceof Error e) {
            throw e;
        }
        throw new FailureException(this);
    }

    /** The exception's message, or its class name when it has none; never empty. */
    public String getErrorMessage() {
        String message = value.getMessage();
        return message == null || message.isEmpty() ? value.getClass().getName() : message;
    }

    /** The stack trace of the exception and its causes, as {@link Throwable#printStackTrace} writes it. */
    public String getTraceback() {
        String text = traceback;
        if (text == null) {
            StringWriter out = new StringWriter();
            try (PrintWriter writer = new PrintWriter(out)) {
                value.printStackTrace(writer);
            }
            text = out.toString();
            traceback = text;
        }
        return text;
    }

    /** Prints {@link #getTraceback()} to {@code out}. */
    public void printTraceback(PrintStream out) {
        out.print(getTraceback());
        out.flush();
    }

    /** {@code [Failure instance: java.io.IOException: Connection was refused]}, as Twisted prints one. */
    @Override
    public String toString() {
        return "[Failure instance: " + value.getClass().getName() + ": " + getErrorMessage() + "]";
    }
}
