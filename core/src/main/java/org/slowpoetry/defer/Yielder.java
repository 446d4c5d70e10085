package org.slowpoetry.defer;

/**
 * What a {@link Generator} body yields values with: Python's {@code yield} expression.
 *
 * <p><b>Threading:</b> only the generator body's own thread may call {@link #yield}.
 *
 * @param <T> the type of the values yielded
 */
public final class Yielder<T> {
    private final Generator<T> generator;

    Yielder(Generator<T> generator) {
        this.generator = generator;
    }

    /**
     * Hands {@code value} to the consumer and suspends the body until the consumer asks for the
     * next value. Returns what the consumer {@linkplain Generator#send sent} ({@code null} after
     * {@link Generator#next()}), or throws what it {@linkplain Generator#throwInto threw in}.
     *
     * @throws Exception the exception thrown in with {@link Generator#throwInto}
     * @throws IllegalStateException if called on any thread but the body's
     */
    public Object yield(T value) throws Exception {
        return generator.yieldFromBody(value);
    }
}
