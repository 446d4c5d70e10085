package org.slowpoetry.defer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Part 18's exercise 5, a {@link DeferredList} keyed by name instead of position. Semantics, the
 * same as a DeferredList's wherever that makes sense:
 * <ul>
 * <li>{@link #of} fires once every Deferred in the map has fired, with a map from each key to its
 *     {@link Outcome}, iterating in the order of the map given; an empty map fires at once.
 * <li>{@link DeferredList.Option#FIRE_ON_ONE_ERRBACK} fails at the first failure with a
 *     {@link FirstErrorException} whose {@link FirstErrorException#key() key} is the failed
 *     entry's key; {@link DeferredList.Option#CONSUME_ERRORS} handles the members' failures.
 * <li>{@link #gatherResults} maps each key to its value, or fails at the first failure.
 * <li>Cancelling the result cancels every member.
 * </ul>
 *
 * {@snippet :
 * Map<String, Deferred<String>> poems = Map.of("fascination", getPoetry(port1), "science", getPoetry(port2));
 * DeferredDict.gatherResults(poems, true)
 *         .thenApply(byName -> byName.get("science"));
 * }
 *
 * <p><b>Threading:</b> like {@link Deferred}: on the event loop thread, or without a reactor.
 */
public final class DeferredDict {
    private DeferredDict() {
    }

    /** Fires with every entry's outcome, by key, once all have fired. */
    public static <K, T> Deferred<Map<K, Outcome<T>>> of(Map<K, ? extends Deferred<? extends T>> deferreds,
            DeferredList.Option... options) {
        List<K> keys = new ArrayList<>(deferreds.keySet());
        return DeferredList.<T, Map<K, Outcome<T>>>build(members(deferreds), DeferredList.options(options), null,
                outcomes -> zip(keys, outcomes), keys::get);
    }

    /**
     * Fires with each key's value once all have succeeded, or fails with a
     * {@link FirstErrorException} (keyed) at the first failure. Cancelling it cancels them all.
     */
    public static <K, T> Deferred<Map<K, T>> gatherResults(Map<K, ? extends Deferred<? extends T>> deferreds,
            boolean consumeErrors) {
        List<K> keys = new ArrayList<>(deferreds.keySet());
        DeferredList.Option[] options = consumeErrors
                ? new DeferredList.Option[] {DeferredList.Option.FIRE_ON_ONE_ERRBACK, DeferredList.Option.CONSUME_ERRORS}
                : new DeferredList.Option[] {DeferredList.Option.FIRE_ON_ONE_ERRBACK};
        Function<List<Outcome<T>>, Map<K, T>> unpack = outcomes -> zip(keys, DeferredList.values(outcomes));
        return DeferredList.build(members(deferreds), DeferredList.options(options), null, unpack, keys::get);
    }

    private static <K, T> List<Deferred<? extends T>> members(Map<K, ? extends Deferred<? extends T>> deferreds) {
        List<Deferred<? extends T>> members = new ArrayList<>(deferreds.size());
        deferreds.forEach((key, d) -> members.add(Objects.requireNonNull(d, () -> "no Deferred for key " + key)));
        return members;
    }

    private static <K, V> Map<K, V> zip(List<K> keys, List<V> values) {
        Map<K, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            map.put(keys.get(i), values.get(i));
        }
        return Collections.unmodifiableMap(map);
    }
}
