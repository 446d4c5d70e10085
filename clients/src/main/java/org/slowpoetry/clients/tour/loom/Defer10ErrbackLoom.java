package org.slowpoetry.clients.tour.loom;

import java.io.PrintStream;

/**
 * {@code defer-10-errback-loom}, the twin of {@code defer-10-errback} (Part 13, exercise 4): an
 * errback that returns a Deferred is a {@code catch} block that makes a blocking call. The chain
 * parks there as it does in a callback; what the call does next decides where the code goes on:
 * it returns, and the code after the {@code try} runs (callback_2); it throws, and the next
 * {@code catch} out gets it (errback_2).
 *
 * <p><b>What differs.</b> A failure is the exception itself, not a Failure wrapping it, so the
 * lines show {@code java.lang.Exception: no poem} where the original shows
 * {@code [Failure instance: ...]}. The pause is a parked virtual thread, not a stopped chain (see
 * {@link Defer10Loom}), and the explanations say so.
 *
 * <p><b>Threading:</b> the first chain runs on the caller's thread; the others on virtual threads
 * ({@link BChain}) that {@code run} joins before it returns.
 */
public final class Defer10ErrbackLoom extends LoomTwin {

    /** errback_1's way of handling the failure: return 1, or ask for a spare poem and wait for it. */
    @FunctionalInterface
    private interface Errback1 {
        int handle(Exception err) throws Exception;
    }

    public Defer10ErrbackLoom() {
        super("defer-10-errback", 13, "an errback that returns a Deferred is a catch that blocks: it parks just the same");
    }

    @Override
    public void run(PrintStream out) throws Exception {
        out.println("The call fails; errback_1 (a catch) handles that by returning a plain value:");
        chain(err -> {
            out.println("errback_1 got " + err);
            return 1;
        }, out);

        BReply<Integer> spare = new BReply<>();

        out.println();
        out.println("The same, but errback_1 makes a blocking call that has no answer yet:");
        try (var chain = BChain.start(name(), out, () -> chain(errback1Waiting(spare, out), out))) {
            spare.awaitWaiter(BReply.LIMIT);

            out.println();
            out.println("Neither callback_2 nor errback_2: the chain is parked in errback_1's call,");
            out.println("as it is in a callback's. We answer that call with a result:");
            spare.give(1);
        }

        out.println();
        out.println("The call returned, so the code went on after the try, to callback_2. Once more,");
        out.println("but this time the inner call fails:");
        BReply<Integer> noSpare = new BReply<>();
        try (var chain = BChain.start(name(), out, () -> chain(errback1Waiting(noSpare, out), out))) {
            noSpare.awaitWaiter(BReply.LIMIT);
            noSpare.fail(new Exception("no spare poem either"));
        }

        out.println();
        out.println("The inner exception went on out of errback_1's catch, so errback_2 got it.");
    }

    /**
     * The original's chain: {@code addErrback(errback_1)}, then {@code addCallbacks(callback_2,
     * errback_2)}, on a poem that fails. errback_2 gets what the first part throws; callback_2 what
     * it returns.
     */
    private static void chain(Errback1 errback1, PrintStream out) {
        int res;
        try {
            try {
                res = fetchPoem();
            } catch (Exception err) {
                res = errback1.handle(err);
            }
        } catch (Exception err) {
            out.println("errback_2 got " + err);
            return;
        }
        out.println("callback_2 got " + res);
    }

    /** The poem that is not there. */
    private static int fetchPoem() throws Exception {
        throw new Exception("no poem");
    }

    /** An errback_1 that, instead of returning a plain value, waits for {@code inner}'s answer. */
    private static Errback1 errback1Waiting(BReply<Integer> inner, PrintStream out) {
        return err -> {
            out.println("errback_1 got " + err);
            return inner.await();
        };
    }
}
