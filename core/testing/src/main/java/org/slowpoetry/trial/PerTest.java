package org.slowpoetry.trial;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * What an extension made for one test, kept in JUnit's store of that test between its
 * {@code beforeEach} and {@code afterEach}, and given to the test's methods as a parameter.
 *
 * <p><b>Threading:</b> the test's thread (JUnit's store is thread-safe anyway).
 */
final class PerTest {

    private PerTest() {
    }

    /**
     * The {@code type} kept for the test whose method asks for {@code parameter}.
     *
     * @param gives what the extension gives, for the message: {@code "a LoomTestScope"}
     * @throws ParameterResolutionException if none is kept: the parameter is a constructor's or an
     *     {@code @BeforeAll} method's, which belong to no one test
     */
    static <T> T forParameter(ParameterContext parameter, ExtensionContext context, ExtensionContext.Namespace namespace,
            Class<T> type, String gives) {
        T kept = parameter.getDeclaringExecutable() instanceof Method ? context.getStore(namespace).get(type, type) : null;
        if (kept == null) {
            throw new ParameterResolutionException(gives + " is given to a test's @BeforeEach, test and @AfterEach"
                    + " methods, one per test, not to " + parameter.getDeclaringExecutable());
        }
        return kept;
    }
}
