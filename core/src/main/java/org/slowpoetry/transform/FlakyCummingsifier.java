package org.slowpoetry.transform;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The unreliable Cummingsifier of Part 10's clients 5.0 and 5.1, which simulates "a more
 * complicated algorithm that sometimes fails in unexpected ways": each call picks, with equal
 * chances, one of
 * <ol>
 * <li>return the {@linkplain Cummingsify#cummingsify cummingsified} poem,
 * <li>throw {@link GibberishException},
 * <li>throw the "bug": an {@link IllegalArgumentException} for client 5.0 (the text's
 *     {@code ValueError}), a {@link CannotCummingsifyException} carrying the poem for client 5.1.
 * </ol>
 * The choice comes from an injected {@link RandomGenerator}, so a seeded generator makes a run
 * repeatable (the text uses Python's global {@code random}).
 *
 * {@snippet :
 * var flaky = new FlakyCummingsifier(FlakyCummingsifier.Flavor.CLIENT_5_1, new SplittableRandom(42));
 * String poem = flaky.cummingsify("The Poem");   // "the poem", or throws
 * }
 *
 * <p><b>Threading:</b> as thread-safe as the generator it is given (a {@code SplittableRandom}
 * is not; give each thread its own, or use a loop thread).
 */
public final class FlakyCummingsifier {

    /** Which client's bug to simulate. */
    public enum Flavor {
        /** Client 5.0: the bug is a {@code ValueError}, here {@link IllegalArgumentException}. */
        CLIENT_5_0,
        /** Client 5.1: the bug is a {@link CannotCummingsifyException} carrying the poem. */
        CLIENT_5_1
    }

    private final Flavor flavor;
    private final RandomGenerator random;

    public FlakyCummingsifier(Flavor flavor, RandomGenerator random) {
        this.flavor = Objects.requireNonNull(flavor, "flavor");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Cummingsifies {@code poem}, or fails at random.
     *
     * @throws GibberishException one time in three
     * @throws IllegalArgumentException one time in three, for {@link Flavor#CLIENT_5_0}
     * @throws CannotCummingsifyException one time in three, for {@link Flavor#CLIENT_5_1}
     */
    public String cummingsify(String poem) {
        Objects.requireNonNull(poem, "poem");
        return switch (random.nextInt(3)) {
            case 0 -> Cummingsify.cummingsify(poem);
            case 1 -> throw new GibberishException();
            default -> throw switch (flavor) {
                case CLIENT_5_0 -> new IllegalArgumentException("cummingsify hit a bug");
                case CLIENT_5_1 -> new CannotCummingsifyException(poem);
            };
        };
    }
}
