package org.slowpoetry.trial;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The Loom twin of {@link ReactorExtension}: gives each test a {@link LoomTestScope} that owns
 * the virtual threads it forks and the sockets it opens, and fails a test that leaves any behind.
 * Register it with {@link LoomTest @LoomTest} or {@code @ExtendWith(LoomExtension.class)}.
 *
 * <p>For each test:
 * <ol>
 * <li>a {@link Leaks#snapshot() leak snapshot}, then a new {@link LoomTestScope}, which any
 *     {@code @BeforeEach}, test or {@code @AfterEach} method may ask for as a parameter;
 * <li>the test's methods run as JUnit runs them, on its thread: blocking is what Loom code does;
 * <li>the cleanups the test added with {@link LoomTestScope#addCleanup}, last first, each on a
 *     fork joined within the timeout (a cleanup that fails fails the test, and the checks are
 *     skipped);
 * <li>the check, after the {@code @AfterEach} methods: it waits a moment ({@link Leaks#DEFAULT_WAIT}
 *     at most) for forks to end and sockets to close, then fails the test naming each fork still
 *     running (and where it is), each fork that failed with nobody joining it (its exception the
 *     cause), and each owned socket still open (its addresses);
 * <li>the scope is closed: sockets closed, running forks interrupted and joined (bounded), so the
 *     next test starts clean; then the {@link Leaks leak check} catches what the test opened or
 *     started without the scope: a thread, a socket, a selector.
 * </ol>
 * A test that has already failed is cleaned up but not checked: its own failure is the news.
 *
 * <p><b>Threading:</b> JUnit calls the extension on the test's thread. Tests must not run in
 * parallel (the leak check counts every thread in the JVM).
 */
public final class LoomExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LoomExtension.class);

    /** The leak check, run after the scope has closed. */
    private final LeakCheck leakCheck = new LeakCheck();

    /** Made by JUnit for {@code @ExtendWith} and {@link LoomTest}. */
    public LoomExtension() {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Duration timeout = timeout(context);
        leakCheck.beforeEach(context);
        context.getStore(NAMESPACE).put(LoomTestScope.class, new LoomTestScope(context.getDisplayName(), timeout));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        LoomTestScope scope = context.getStore(NAMESPACE).remove(LoomTestScope.class, LoomTestScope.class);
        if (scope == null) {
            return;
        }
        boolean failed = context.getExecutionException().isPresent();
        var findings = new Findings();
        Throwable cleanupFailure = scope.cleanUp();
        if (cleanupFailure != null && !failed) {
            findings.add(Findings.cleanupFailed(context.getDisplayName(), cleanupFailure));
        }
        boolean checked = !failed && findings.isEmpty(); // what failed cleanups left is their consequence
        List<String> left = new ArrayList<>(checked ? scope.leftovers(Leaks.DEFAULT_WAIT) : List.of());
        List<Throwable> unseen = checked ? scope.unseenFailures() : List.of();
        left.addAll(scope.close(Leaks.DEFAULT_WAIT));
        if (!left.isEmpty()) {
            var leftBehind = new AssertionError(Findings.lines(
                    "the test left behind (each has been closed or interrupted):", left));
            unseen.forEach(leftBehind::addSuppressed);
            findings.add(leftBehind);
        }
        if (cleanupFailure == null) {
            findings.check(() -> leakCheck.afterEach(context));
        }
        findings.throwIfAny();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LoomTestScope.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return PerTest.forParameter(parameter, context, NAMESPACE, LoomTestScope.class, "a LoomTestScope");
    }

    private static Duration timeout(ExtensionContext context) {
        return Timeouts.of(context, LoomTest.class, a -> Duration.of(a.timeout(), a.unit().toChronoUnit()));
    }
}
