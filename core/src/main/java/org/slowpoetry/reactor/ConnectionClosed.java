package org.slowpoetry.reactor;

/**
 * Why a connection ended, as {@link Protocol#connectionLost} and {@link Descriptor#connectionLost}
 * are told: cleanly ({@link ConnectionDone}) or not ({@link ConnectionLost}, with the cause). These
 * are Twisted's {@code ConnectionDone} and {@code ConnectionLost}, both {@code ConnectionClosed}.
 *
 * {@snippet :
 * @Override
 * public void connectionLost(ConnectionClosed reason) {
 *     switch (reason) {
 *         case ConnectionDone done -> poemFinished(poem);
 *         case ConnectionLost(var cause) -> poemFailed(cause);
 *     }
 * }
 * }
 *
 * <p><b>Threading:</b> immutable.
 */
public sealed interface ConnectionClosed permits ConnectionDone, ConnectionLost {

    /** One line for people: {@code connection closed cleanly}, {@code connection lost: ...}. */
    String message();
}
