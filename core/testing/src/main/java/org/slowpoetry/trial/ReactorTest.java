package org.slowpoetry.trial;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class (or one test method) the way Twisted's trial runs a {@code TestCase}: on a
 * fresh reactor per test, every {@code @BeforeEach}, {@code @Test} and {@code @AfterEach} method a
 * callback on its thread, each method's {@link Trial#waitFor waited-for} Deferred awaited, and a
 * test that leaves the reactor dirty failed. The extension is {@link ReactorExtension}; this
 * annotation registers it and sets its timeout.
 *
 * {@snippet :
 * @ReactorTest(timeout = 20)
 * class PoetryClientTest {
 *     @Test
 *     void theClientGetsThePoem(Reactor reactor, Trial trial) {
 *         Deferred<byte[]> d = PoetryClient.getPoetry(reactor, address, settings);
 *         trial.waitFor(d.thenApply(poem -> {
 *             assertArrayEquals(POEM, poem);
 *             return null;
 *         }));
 *     }
 * }
 * }
 *
 * <p>On a method it overrides the class's timeout for that method. The timeout bounds each of the
 * test's methods (its {@code @BeforeEach} methods, the test, its {@code @AfterEach} methods) from
 * the moment it is called to the moment its Deferred fires, as trial's {@code timeout} does; the
 * extension's own waits (the leak check, stopping the reactor) are bounded too, so a test under
 * this annotation needs no {@code @Timeout}.
 *
 * <p><b>Threading:</b> an annotation; see {@link ReactorExtension} for where the methods run.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(ReactorExtension.class)
public @interface ReactorTest {

    /** trial's default: two minutes for each method and the Deferred it waits for. */
    long DEFAULT_TIMEOUT_SECONDS = 120;

    /** How long each method and the Deferred it waits for may take, in {@link #unit()}s. */
    long timeout() default DEFAULT_TIMEOUT_SECONDS;

    /** The unit of {@link #timeout()}. */
    TimeUnit unit() default TimeUnit.SECONDS;
}
