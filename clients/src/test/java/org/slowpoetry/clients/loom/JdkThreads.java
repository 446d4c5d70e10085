package org.slowpoetry.clients.loom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * Starts, once, the threads the JDK keeps for good after the first timed wait of a virtual thread
 * (the virtual-thread scheduler's {@code ForkJoinPool-1-delayScheduler}) and after the first
 * {@code StructuredTaskScope} deadline (the common pool's {@code ForkJoinPool.commonPool-delayScheduler}),
 * and the I/O pollers made when a virtual thread first blocks on a socket ({@code MasterPoller},
 * {@code SubPoller-N}, each with an epoll fd), so that a leak check does not blame the first test
 * that happens to cause them. ({@code org.slowpoetry.trial.Leaks} does not
 * know this JDK thread yet; see the report.)
 *
 * <p><b>Threading:</b> call from a test class's {@code @BeforeAll}; idempotent.
 */
final class JdkThreads {
    private JdkThreads() {
    }

    static void warmUp() throws InterruptedException {
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(Duration.ofMillis(1)); // a timed park: the JDK starts its delay scheduler
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).join();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread reader = Thread.ofVirtual().start(() -> {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                    socket.getInputStream().read(); // blocks a virtual thread on a socket: the pollers start
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            listener.accept().close();
            reader.join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            ForkJoinPool.commonPool().schedule(() -> null, 1, TimeUnit.MILLISECONDS).get(); // a scope's deadline timer
        } catch (ExecutionException e) {
            throw new AssertionError(e);
        }
    }
}
