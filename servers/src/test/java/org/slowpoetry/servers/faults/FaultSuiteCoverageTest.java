package org.slowpoetry.servers.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slowpoetry.servers.ServerImpl;
import org.slowpoetry.servers.ServerImpls;

/** The fault suite keeps up with the servers: an impl added later is not left out of it. */
class FaultSuiteCoverageTest {

    @Test
    void everyPoetryServerImplIsInTheFaultSuite() {
        Set<String> plugins = ServerImpls.all().stream().map(ServerImpl::name).collect(Collectors.toSet());
        Set<String> inSuite = Arrays.stream(PoetryImpl.values()).map(i -> i.impl).collect(Collectors.toSet());
        assertEquals(plugins, inSuite, "PoetryImpl must list every impl ServerImpls finds");
    }

    @Test
    void theReactorIsInTheFaultSuiteOnEverySelector() {
        Set<String> selectors = Arrays.stream(PoetryImpl.values()).filter(i -> i.impl.equals("reactor"))
                .map(i -> i.selector).collect(Collectors.toSet());
        assertEquals(Set.copyOf(org.slowpoetry.servers.ServerConfig.SELECTORS), selectors);
    }
}
