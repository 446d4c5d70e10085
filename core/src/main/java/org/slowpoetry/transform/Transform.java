package org.slowpoetry.transform;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One poetry transformation, as the {@link TransformRegistry} holds it: either a plain function
 * that computes the new poem on the caller's thread ({@link Now}), or one that starts the work and
 * hands back a stage completed later, on a thread of its own choosing ({@link Later}): Part 12's
 * exercise 4, "what if the service's methods returned Deferreds?". The {@link TransformService}
 * calls both kinds the same way, so a server never needs to know which it has.
 *
 * {@snippet :
 * Transform upper = Transform.now(Transforms::upper);
 * Transform remote = Transform.later(poem -> CompletableFuture.supplyAsync(() -> slowWork(poem), pool));
 * CompletableFuture<String> next = remote.applyAsync("The Poem");
 * }
 *
 * <p><b>Threading:</b> the records are immutable. {@link #applyAsync} runs a {@link Now} function
 * on the calling thread (keep such functions short and pure: a reactor calls them on its loop), and
 * a {@link Later} function's first step likewise; the stage it returns may complete on any thread.
 */
public sealed interface Transform {

    /** A transformation computed at once, on the caller's thread: small, pure, never blocking. */
    static Transform now(UnaryOperator<String> function) {
        return new Now(function);
    }

    /** A transformation whose result arrives later: the function must return without blocking. */
    static Transform later(Function<String, ? extends CompletionStage<String>> function) {
        return new Later(function);
    }

    /**
     * The transformed poem, as a future that never throws from this call: whatever the function
     * throws, or fails its stage with, becomes the future's exception.
     */
    default CompletableFuture<String> applyAsync(String poem) {
        Objects.requireNonNull(poem, "poem");
        try {
            return switch (this) {
                case Now(var function) -> CompletableFuture.completedFuture(
                        Objects.requireNonNull(function.apply(poem), "the transform returned null"));
                case Later(var function) -> Objects.requireNonNull(function.apply(poem),
                        "the transform returned no stage").toCompletableFuture();
            };
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * A transformation computed on the caller's thread.
     *
     * @param function from poem to transformed poem; it may throw to say the poem cannot be
     *                 transformed
     */
    record Now(UnaryOperator<String> function) implements Transform {
        public Now {
            Objects.requireNonNull(function, "function");
        }
    }

    /**
     * A transformation whose result arrives later.
     *
     * @param function from poem to a stage that completes with the transformed poem, or fails; it
     *                 must return at once
     */
    record Later(Function<String, ? extends CompletionStage<String>> function) implements Transform {
        public Later {
            Objects.requireNonNull(function, "function");
        }
    }
}
