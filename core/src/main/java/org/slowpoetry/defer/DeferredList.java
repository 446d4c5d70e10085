package org.slowpoetry.defer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many Deferreds as one (Part 18): Twisted's {@code DeferredList}. The Deferred it returns fires
 * once every member has fired, with one {@link Outcome} per member in the order given (not the
 * order they fired in); it never fails, unless asked to with
 * {@link Option#FIRE_ON_ONE_ERRBACK}. An empty list fires at once.
 *
 * {@snippet :
 * Deferred<String> d1 = new Deferred<>();
 * Deferred<String> d2 = new Deferred<>();
 * DeferredList.of(List.of(d1, d2), DeferredList.Option.CONSUME_ERRORS)
 *         .addCallback(outcomes -> { System.out.println("We got: " + outcomes); return null; });
 * d2.callback("d2 result");
 * d1.errback(new Exception("d1 failure"));
 * // We got: [(false, [Failure instance: java.lang.Exception: d1 failure]), (true, d2 result)]
 * }
 *
 * <p>Like Twisted's it works by adding a callback/errback pair to each member, which records the
 * outcome and passes the result on unchanged, so a failure stays a failure in its member and is
 * reported there as unhandled unless something handles it: {@link Option#CONSUME_ERRORS} makes
 * the recording errback handle it (the member's result becomes {@code null}). Twisted's
 * {@code DeferredList} is a subclass of {@code Deferred}; here {@code Deferred} is final and this
 * class makes a plain Deferred, whose canceller cancels every member (exceptions from their
 * cancellers are logged and the others still cancelled).
 *
 * <p>Twisted's {@code fireOnOneCallback=True} changes the shape of the result, so it is a method
 * of its own, {@link #fireOnOneCallback}, typed with {@link FirstOrAll}.
 *
 * <p><b>Threading:</b> like {@link Deferred}: call on the event loop thread, or use without a
 * reactor on one thread.
 */
public final class DeferredList {
    private static final Logger LOG = LoggerFactory.getLogger(DeferredList.class);

    /** Twisted's {@code DeferredList} keyword options (besides {@code fireOnOneCallback}). */
    public enum Option {
        /**
         * Fail with a {@link FirstErrorException} as soon as a member fails, instead of waiting
         * for all of them.
         */
        FIRE_ON_ONE_ERRBACK,
        /**
         * Handle each member's failure after recording it (its result becomes {@code null}), so
         * it is not reported as an unhandled error in that member.
         */
        CONSUME_ERRORS
    }

    private DeferredList() {
    }

    /** Fires with every member's outcome, in the order given, once all have fired. */
    public static <T> Deferred<List<Outcome<T>>> of(List<? extends Deferred<? extends T>> deferreds,
            Option... options) {
        return build(deferreds, options(options), null, Function.identity(), Integer::valueOf);
    }

    /**
     * Twisted's {@code fireOnOneCallback=True}: fires with the first member to succeed (and its
     * index); if all of them fail without that happening, with all the outcomes. An empty list
     * never fires, as in Twisted.
     */
    public static <T> Deferred<FirstOrAll<T>> fireOnOneCallback(List<? extends Deferred<? extends T>> deferreds,
            Option... options) {
        return build(deferreds, options(options), FirstOrAll.First::new, FirstOrAll.All::new, Integer::valueOf);
    }

    /** {@link Deferred#gatherResults}. */
    static <T> Deferred<List<T>> gather(List<? extends Deferred<? extends T>> deferreds, boolean consumeErrors) {
        Set<Option> options = consumeErrors
                ? EnumSet.of(Option.FIRE_ON_ONE_ERRBACK, Option.CONSUME_ERRORS)
                : EnumSet.of(Option.FIRE_ON_ONE_ERRBACK);
        return build(deferreds, options, null, DeferredList::values, Integer::valueOf);
    }

    /** Unpacks successful outcomes (with FIRE_ON_ONE_ERRBACK there is no other kind). */
    static <T> List<T> values(List<Outcome<T>> outcomes) {
        List<T> values = new ArrayList<>(outcomes.size());
        for (Outcome<T> outcome : outcomes) {
            switch (outcome) {
                case Outcome.Success<T>(var value) -> values.add(value);
                case Outcome.Failed<T>(var failure) -> throw new IllegalStateException("unexpected " + failure);
            }
        }
        return Collections.unmodifiableList(values);
    }

    static Set<Option> options(Option... options) {
        Set<Option> set = EnumSet.noneOf(Option.class);
        set.addAll(Arrays.asList(options));
        return set;
    }

    /**
     * The one implementation behind every variant.
     *
     * @param onFirst for fireOnOneCallback: what to fire with when a member succeeds; else null
     * @param onAll what to fire with once all members have fired
     * @param keyOf the key of the member at an index, for {@link FirstErrorException}
     */
    static <T, R> Deferred<R> build(List<? extends Deferred<? extends T>> deferreds, Set<Option> options,
            FirstFactory<T, R> onFirst, Function<List<Outcome<T>>, ? extends R> onAll, IntFunction<Object> keyOf) {
        List<Deferred<? extends T>> members = List.copyOf(deferreds);
        boolean fireOnOneErrback = options.contains(Option.FIRE_ON_ONE_ERRBACK);
        boolean consumeErrors = options.contains(Option.CONSUME_ERRORS);
        Deferred<R> whole = new Deferred<>(self -> cancelAll(members));
        if (members.isEmpty()) {
            if (onFirst == null) {
                whole.callback(onAll.apply(List.of()));
            }
            return whole;
        }
        @SuppressWarnings("unchecked")
        Outcome<T>[] outcomes = (Outcome<T>[]) new Outcome<?>[members.size()];
        int[] finished = {0};
        for (int i = 0; i < members.size(); i++) {
            int index = i;
            members.get(i).addCallbacks(value -> {
                outcomes[index] = new Outcome.Success<>(value);
                finished[0]++;
                if (!whole.called()) {
                    if (onFirst != null) {
                        whole.callback(onFirst.first(value, index));
                    } else if (finished[0] == outcomes.length) {
                        whole.callback(onAll.apply(List.of(outcomes)));
                    }
                }
                return value;
            }, failure -> {
                outcomes[index] = new Outcome.Failed<>(failure);
                finished[0]++;
                if (!whole.called()) {
                    if (fireOnOneErrback) {
                        whole.errback(new FirstErrorException(failure, index, keyOf.apply(index)));
                    } else if (finished[0] == outcomes.length) {
                        whole.callback(onAll.apply(List.of(outcomes)));
                    }
                }
                return consumeErrors ? null : failure;
            });
        }
        return whole;
    }

    private static void cancelAll(List<? extends Deferred<?>> members) {
        for (Deferred<?> member : members) {
            try {
                member.cancel();
            } catch (RuntimeException e) {
                LOG.error("Exception raised from a canceller while cancelling a DeferredList", e);
            }
        }
    }

    /** Builds the fireOnOneCallback result from the first success. */
    @FunctionalInterface
    interface FirstFactory<T, R> {
        R first(T value, int index);
    }
}
