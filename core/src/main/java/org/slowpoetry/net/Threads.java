package org.slowpoetry.net;

/**
 * What an owner of a thread does when it closes: wait for the thread to end, whatever happens.
 *
 * <p><b>Threading:</b> stateless; any thread but the one waited for.
 */
final class Threads {

    private Threads() {
    }

    /**
     * Waits until {@code thread} has ended, even if the caller is interrupted meanwhile: returning
     * early would leave the thread running, which its owner promised not to do. An interrupt that
     * arrives while waiting is kept: the caller's interrupt flag is set again on return.
     */
    static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // keep waiting, and say so on return
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
