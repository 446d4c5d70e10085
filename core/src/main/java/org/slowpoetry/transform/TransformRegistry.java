package org.slowpoetry.transform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.regex.Pattern;

/**
 * The named transformations a {@link TransformService} offers: the one place a transform's name is
 * tied to its code. A client may send any name, so only names listed here can run (the text's
 * {@code xform_} prefix, Part 12, does the same job for Python's {@code getattr}).
 *
 * {@snippet :
 * TransformRegistry standard = TransformRegistry.standard();   // cummingsify, upper, reverse-lines
 * TransformRegistry more = standard.with("slow", Transform.later(poem -> ...));
 * Optional<Transform> t = more.find("upper");
 * }
 *
 * <p>A name is lower-case ASCII letters, digits and {@code '-'}: it then fits every request
 * protocol (no {@code '.'}, which ends the name in a netstring request; no space, which ends it in
 * a line request).
 *
 * <p><b>Threading:</b> immutable; safe from any thread.
 */
public final class TransformRegistry {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** In the order added, for help texts; never written after construction. */
    private final Map<String, Transform> transforms;

    private TransformRegistry(Map<String, Transform> transforms) {
        this.transforms = Collections.unmodifiableMap(transforms);
    }

    /** No transformations at all. */
    public static TransformRegistry empty() {
        return new TransformRegistry(new LinkedHashMap<>());
    }

    /**
     * The service's standard set: {@code cummingsify} (Part 10, lower case), {@code upper} and
     * {@code reverse-lines} (ours: {@link Transforms}). All three are {@link Transform.Now}.
     */
    public static TransformRegistry standard() {
        return empty()
                .with("cummingsify", Transform.now(Cummingsify::cummingsify))
                .with("upper", Transform.now(Transforms::upper))
                .with("reverse-lines", Transform.now(Transforms::reverseLines));
    }

    /**
     * This registry plus {@code transform} under {@code name}.
     *
     * @throws IllegalArgumentException if the name is taken, or not lower-case letters, digits and
     *                                  single inner dashes
     */
    public TransformRegistry with(String name, Transform transform) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(transform, "transform");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a transform name is lower-case letters, digits and inner"
                    + " dashes: '" + name + "'");
        }
        if (transforms.containsKey(name)) {
            throw new IllegalArgumentException("there is already a transform called '" + name + "'");
        }
        var more = new LinkedHashMap<>(transforms);
        more.put(name, transform);
        return new TransformRegistry(more);
    }

    /** The transform called {@code name}, if there is one. */
    public Optional<Transform> find(String name) {
        return Optional.ofNullable(transforms.get(Objects.requireNonNull(name, "name")));
    }

    /** Every name, in the order added. */
    public SequencedSet<String> names() {
        return Collections.unmodifiableSequencedSet(new java.util.LinkedHashSet<>(transforms.keySet()));
    }

    @Override
    public String toString() {
        return "transforms " + transforms.keySet();
    }
}
