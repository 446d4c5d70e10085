package org.slowpoetry.servers.service;

import java.net.InetSocketAddress;
import org.slowpoetry.service.LoomMultiService;
import org.slowpoetry.service.LoomTcpServer;
import org.slowpoetry.service.ReactorMultiService;
import org.slowpoetry.service.ReactorTcpServer;
import org.slowpoetry.service.ServiceException;
import org.slowpoetry.trial.LoomTestScope;
import org.slowpoetry.trial.Trial;

/**
 * Service trees in tests of either style: started with their stop handed to the test's cleanups
 * ({@link Trial#addCleanup}, {@link LoomTestScope#addCleanup}), and the address a TCP child of
 * theirs listens on.
 *
 * <p><b>Threading:</b> stateless; the reactor helpers on the test's reactor thread (a method
 * under {@code @ReactorTest} runs there), the Loom ones on the test's thread.
 */
public final class ServiceTrees {

    private ServiceTrees() {
    }

    /** Starts {@code top} on the test's reactor; the extension waits for its stop after the test. */
    public static ReactorMultiService start(Trial trial, ReactorMultiService top) throws ServiceException {
        top.start();
        trial.addCleanup(top::stop);
        return top;
    }

    /** Starts {@code top}; the extension stops it after the test. */
    public static LoomMultiService start(LoomTestScope scope, LoomMultiService top) throws ServiceException {
        top.start();
        scope.addCleanup(top::stop);
        return top;
    }

    /** Where the TCP child named {@code name} of {@code top} listens. */
    public static InetSocketAddress address(ReactorMultiService top, String name) {
        return ((ReactorTcpServer) top.service(name).orElseThrow()).address();
    }

    /** Where the TCP child named {@code name} of {@code top} listens. */
    public static InetSocketAddress address(LoomMultiService top, String name) {
        return ((LoomTcpServer) top.service(name).orElseThrow()).address();
    }
}
