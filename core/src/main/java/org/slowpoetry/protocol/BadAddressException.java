package org.slowpoetry.protocol;

import java.io.Serial;

/**
 * An address argument that {@link Address#parse} cannot accept. The message names the input and the
 * problem: {@code bad address 'x:99999': port out of range 1–65535}.
 */
public final class BadAddressException extends IllegalArgumentException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String input;

    public BadAddressException(String input, String problem) {
        super("bad address '" + input + "': " + problem);
        this.input = input;
    }

    /** The text that was rejected. */
    public String input() {
        return input;
    }
}
