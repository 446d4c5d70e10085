package org.slowpoetry.clients;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Names a suite's case for the rule it proves: the test method's name, without its parameter
 * types, so that {@code @ParameterizedTest(name = RuleNames.CASE)} reads
 * {@code anEndlessServerIsCutAtMaxPoem[erlang]}.
 *
 * {@snippet :
 * @DisplayNameGeneration(RuleNames.class)
 * class ClientFaultSuiteTest { ... }
 * }
 *
 * <p><b>Threading:</b> stateless.
 */
public final class RuleNames extends DisplayNameGenerator.Standard {
    /** The rule, then what it was proved on in brackets. */
    public static final String CASE = "{displayName}[{0}]";

    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass,
            Method testMethod) {
        return testMethod.getName();
    }
}
