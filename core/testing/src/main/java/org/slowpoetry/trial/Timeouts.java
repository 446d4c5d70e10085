package org.slowpoetry.trial;

import static org.junit.platform.commons.support.AnnotationSupport.findAnnotation;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The timeout an extension's annotation ({@link ReactorTest}, {@link LoomTest}) gives a test.
 *
 * <p><b>Threading:</b> stateless; any thread.
 */
final class Timeouts {

    private Timeouts() {
    }

    /**
     * The timeout of the nearest {@code type} annotation: on the test method, its class, an
     * enclosing class; trial's {@link ReactorTest#DEFAULT_TIMEOUT_SECONDS} if there is none.
     *
     * @throws IllegalArgumentException if it is zero or negative: the test fails at once, named
     */
    static <A extends Annotation> Duration of(ExtensionContext context, Class<A> type, Function<A, Duration> timeout) {
        Optional<A> nearest = context.getTestMethod().flatMap(m -> findAnnotation(m, type));
        for (ExtensionContext c = context; nearest.isEmpty() && c != null; c = c.getParent().orElse(null)) {
            nearest = c.getTestClass().flatMap(test -> findAnnotation(test, type));
        }
        Duration chosen = nearest.map(timeout).orElse(Duration.ofSeconds(ReactorTest.DEFAULT_TIMEOUT_SECONDS));
        if (chosen.isNegative() || chosen.isZero()) {
            throw new IllegalArgumentException("the timeout of " + context.getDisplayName() + " must be positive, not "
                    + chosen);
        }
        return chosen;
    }
}
