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
 * The Loom twin of {@link ReactorTest}: each test gets a {@link LoomTestScope} that owns the
 * virtual threads it forks and the sockets it opens, and fails if the test leaves one running or
 * open. The extension is {@link LoomExtension}; this annotation registers it and sets how long
 * {@link Fork#join()} waits.
 *
 * {@snippet :
 * @LoomTest(timeout = 20)
 * @Timeout(30)
 * class BlockingFetchTest {
 *     @Test
 *     void theClientGetsThePoem(LoomTestScope scope) throws Exception {
 *         Fork<byte[]> poem = scope.fork("client", () -> BlockingFetch.fetch(address, settings, chunk -> { }));
 *         assertArrayEquals(POEM, poem.join());
 *     }
 * }
 * }
 *
 * <p>The test's methods run on JUnit's thread as usual (blocking is fine there: it is not a loop),
 * so a JUnit {@code @Timeout} still bounds the methods themselves; this timeout bounds each
 * {@link Fork#join()}.
 *
 * <p><b>Threading:</b> an annotation; see {@link LoomExtension}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(LoomExtension.class)
public @interface LoomTest {

    /** How long {@link Fork#join()} waits, in {@link #unit()}s: trial's two minutes by default. */
    long timeout() default ReactorTest.DEFAULT_TIMEOUT_SECONDS;

    /** The unit of {@link #timeout()}. */
    TimeUnit unit() default TimeUnit.SECONDS;
}
