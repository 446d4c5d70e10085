package org.slowpoetry.trial;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.slowpoetry.reactor.Reactor;

/**
 * Twisted's trial for JUnit 5: runs each test on a fresh {@link Reactor}, as a callback on its
 * thread, waits for the Deferred the test hands back, and fails a test that leaves the reactor
 * dirty or a thread running. Register it with {@link ReactorTest @ReactorTest} (which also sets the
 * timeout) or {@code @ExtendWith(ReactorExtension.class)}.
 *
 * {@snippet :
 * @ReactorTest
 * class PoetryTest {
 *     private ListeningPort port;
 *
 *     @BeforeEach
 *     void setUp(Reactor reactor) throws CannotListenException {     // trial's setUp
 *         port = reactor.listenTCP(0, new PoetryServerFactory(POEM), "127.0.0.1");
 *     }
 *
 *     @AfterEach
 *     void tearDown(Trial trial) {                                    // trial's tearDown
 *         trial.waitFor(port.stopListening());                        // return port.stopListening()
 *     }
 *
 *     @Test
 *     void theClientGetsThePoem(Reactor reactor, Trial trial) {
 *         Deferred<byte[]> d = PoetryClient.getPoetry(reactor, new Address("127.0.0.1", port.port()), settings);
 *         trial.waitFor(d.thenApply(poem -> {                         // return d
 *             assertArrayEquals(POEM, poem);
 *             return null;
 *         }));
 *     }
 * }
 * }
 *
 * <p>For each test:
 * <ol>
 * <li>a {@link Leaks#snapshot() leak snapshot}, then a new reactor (the default selector and the
 *     system clock), started on a thread of its own;
 * <li>every {@code @BeforeEach} method, the test method ({@code @Test}, {@code @ParameterizedTest},
 *     {@code @RepeatedTest}) and every {@code @AfterEach} method runs <em>on the reactor's
 *     thread</em>, one after the other, so they may call the reactor's loop-only methods
 *     ({@code listenTCP}, {@code callLater}, a client's {@code getPoetry}) and must never block.
 *     A method asks for the reactor, or for its {@link Trial}, as a parameter. A method that hands
 *     a Deferred to {@link Trial#waitFor} is done when that Deferred fires; if it fails, the test
 *     fails with its exception; if it has not fired within the timeout ({@link ReactorTest}, by
 *     default trial's 120 s), the test fails with a {@code TimeoutException} naming the method and
 *     the Deferred, which is cancelled. A method that does not return within the timeout blocks
 *     the loop: the failure's stack trace is the reactor thread's, which shows where;
 * <li>the cleanups the test added with {@link Trial#addCleanup}, last first, each waited for (a
 *     cleanup that fails fails the test, and the checks are skipped);
 * <li>the <b>dirty-reactor check</b>: whatever the reactor still holds fails the test with a
 *     {@link DirtyReactorError} naming each: a pending {@code callLater} (its task and when it is
 *     due), a listening port (its address), an open connection (its peer), a connect in progress,
 *     a reader or writer;
 * <li>the reactor is stopped (which closes all of that, so the next test starts clean) and its
 *     thread joined, and then the {@link Leaks leak check}: a thread the test started and left
 *     running, or a socket or other descriptor it left open, fails the test, named.
 * </ol>
 * A test that has already failed is cleaned up but not checked: its own failure is the news.
 *
 * <p><b>Threading:</b> JUnit calls the extension on the test's thread; it runs the test's methods
 * on the reactor's. Tests must not run in parallel (the leak check counts every thread in the JVM).
 */
public final class ReactorExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver,
        InvocationInterceptor {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ReactorExtension.class);

    /** The leak check, run after the reactor has stopped. */
    private final LeakCheck leakCheck = new LeakCheck();

    /** Made by JUnit for {@code @ExtendWith} and {@link ReactorTest}. */
    public ReactorExtension() {
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Duration timeout = timeout(context);
        leakCheck.beforeEach(context);
        context.getStore(NAMESPACE).put(TestReactor.class, TestReactor.start(timeout));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        TestReactor test = context.getStore(NAMESPACE).remove(TestReactor.class, TestReactor.class);
        if (test == null) {
            return;
        }
        boolean failed = context.getExecutionException().isPresent();
        var findings = new Findings();
        findings.check(() -> cleanUp(test, context.getDisplayName(), failed));
        boolean cleanedUp = findings.isEmpty(); // if not, what the cleanups left is their failure's consequence
        try {
            List<String> leftovers = failed || !cleanedUp ? List.of() : test.leftovers();
            if (!leftovers.isEmpty()) {
                findings.add(new DirtyReactorError(context.getDisplayName(), leftovers));
            }
        } finally {
            findings.check(test::close);
        }
        if (cleanedUp) {
            findings.check(() -> leakCheck.afterEach(context));
        }
        findings.throwIfAny();
    }

    /** Runs the test's cleanups; a failure of theirs fails a test that has not failed already. */
    private static void cleanUp(TestReactor test, String name, boolean failed) {
        try {
            test.cleanUp();
        } catch (Throwable t) {
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (!failed) {
                throw Findings.cleanupFailed(name, t);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Reactor.class || type == Trial.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestReactor test = PerTest.forParameter(parameter, context, NAMESPACE, TestReactor.class, "a Reactor and a Trial");
        return parameter.getParameter().getType() == Reactor.class ? test.trial().reactor() : test.trial();
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        onReactor(invocation, "@BeforeEach " + name(call), context);
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        onReactor(invocation, "test " + name(call), context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        onReactor(invocation, "test " + name(call), context);
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        onReactor(invocation, "@AfterEach " + name(call), context);
    }

    private static void onReactor(Invocation<Void> invocation, String name, ExtensionContext context) throws Throwable {
        TestReactor test = context.getStore(NAMESPACE).get(TestReactor.class, TestReactor.class);
        if (test == null) {
            throw new IllegalStateException("no reactor was opened for " + context.getDisplayName());
        }
        test.run(invocation, name);
    }

    private static String name(ReflectiveInvocationContext<Method> call) {
        return call.getExecutable().getName() + "()";
    }

    private static Duration timeout(ExtensionContext context) {
        return Timeouts.of(context, ReactorTest.class, a -> Duration.of(a.timeout(), a.unit().toChronoUnit()));
    }
}
