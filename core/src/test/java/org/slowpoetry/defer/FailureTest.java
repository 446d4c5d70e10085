package org.slowpoetry.defer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.slowpoetry.defer.DeferredAssertions.failureResultOf;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Failure: an exception as a value (Part 6). */
class FailureTest {

    @Test
    void valueAndTypeAreTheException() {
        IOException e = new IOException("refused");
        Failure f = Failure.of(e);
        assertSame(e, f.value());
        assertSame(IOException.class, f.type());
    }

    @Test
    void checkReturnsTheFirstGivenClassThatMatches() {
        Failure f = Failure.of(new FileNotFoundException("poem.txt"));
        assertSame(IOException.class, f.check(IllegalStateException.class, IOException.class, Exception.class));
    }

    @Test
    void checkReturnsNullWhenNothingMatches() {
        assertNull(Failure.of(new IOException()).check(IllegalStateException.class, Error.class));
    }

    @Test
    void trapReturnsTheMatchingClass() {
        assertSame(Exception.class, Failure.of(new IOException()).trap(Exception.class));
    }

    @Test
    void trapRethrowsACarrierOfTheSameFailureWhenNothingMatches() {
        Failure f = Failure.of(new IOException("refused"));
        FailureException thrown = assertThrows(FailureException.class, () -> f.trap(IllegalStateException.class));
        assertSame(f, thrown.failure());
        assertSame(f.value(), thrown.getCause());
    }

    @Test
    void ofUnwrapsTheCarrierToTheSameFailure() {
        Failure f = Failure.of(new IOException());
        assertSame(f, Failure.of(new FailureException(f)));
    }

    @Test
    void ofUnwrapsTheFuturesWrappers() {
        IOException cause = new IOException("inside");
        assertSame(cause, Failure.of(new CompletionException(new ExecutionException(cause))).value());
    }

    @Test
    void getErrorMessageIsTheMessageOrElseTheClassName() {
        assertEquals("Connection was refused", Failure.of(new IOException("Connection was refused")).getErrorMessage());
        assertEquals("java.io.IOException", Failure.of(new IOException()).getErrorMessage());
    }

    @Test
    void tracebackShowsWhereItWasThrownAndTheCauses() {
        Failure f = Failure.of(throwDeep());
        String traceback = f.getTraceback();
        assertTrue(traceback.contains("throwDeep"), traceback);
        assertTrue(traceback.contains("Caused by: java.io.IOException: root cause"), traceback);
    }

    @Test
    void printTracebackWritesTheTraceback() {
        Failure f = Failure.of(throwDeep());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        f.printTraceback(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(f.getTraceback(), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFailurePassedAlongAChainKeepsItsOriginalStack() {
        Deferred<String> d = new Deferred<>();
        d.addErrback(f -> f);
        d.addErrback(f -> f.trap(IllegalArgumentException.class));
        d.addCallback(r -> "not reached");
        d.errback(throwDeep());
        String traceback = failureResultOf(d, IllegalStateException.class).getTraceback();
        assertTrue(traceback.contains("throwDeep"), traceback);
        assertTrue(!traceback.contains("FailureException"), traceback);
    }

    @Test
    void rethrowThrowsTheCheckedExceptionItself() {
        IOException e = new IOException("x");
        assertSame(e, assertThrows(IOException.class, () -> Failure.of(e).rethrow()));
    }

    @Test
    void rethrowWrapsAThrowableThatIsNeitherExceptionNorError() {
        Throwable odd = new Throwable("odd");
        Failure f = Failure.of(odd);
        assertSame(f, assertThrows(FailureException.class, f::rethrow).failure());
    }

    @Test
    void toStringLooksLikeTwistedsFailureInstance() {
        assertEquals("[Failure instance: java.io.IOException: Connection was refused]",
                Failure.of(new IOException("Connection was refused")).toString());
    }

    private static IllegalStateException throwDeep() {
        try {
            throw new IllegalStateException("deep", new IOException("root cause"));
        } catch (IllegalStateException e) {
            return e;
        }
    }
}
