package org.slowpoetry.trial;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves a socket, file descriptor or thread behind: a {@link Leaks#snapshot()}
 * before each test (before its {@code @BeforeEach} methods) and {@link Leaks#assertNoLeaksSince}
 * after it (after its {@code @AfterEach} methods, which may close what the test used). A test that
 * failed is not checked: its own failure is the news.
 *
 * {@snippet :
 * @ExtendWith(LeakCheck.class)
 * class BlockingServerTest { ... }
 * }
 *
 * <p>{@link ReactorExtension} and {@link LoomExtension} run it after their own checks (and after
 * closing the reactor, or the scope); use it alone for tests of neither style.
 *
 * <p><b>Threading:</b> JUnit calls it on the test's thread; see {@link Leaks} on parallel tests.
 */
public final class LeakCheck implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LeakCheck.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(context.getUniqueId(), Leaks.snapshot());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Leaks.Snapshot before = context.getStore(NAMESPACE).remove(context.getUniqueId(), Leaks.Snapshot.class);
        // A test that failed has already said what went wrong; what it left open is its consequence.
        if (before != null && context.getExecutionException().isEmpty()) {
            Leaks.assertNoLeaksSince(before);
        }
    }
}
