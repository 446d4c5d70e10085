package org.slowpoetry.clients;

/**
 * The {@code get} options that only some styles understand (see {@link ClientStyle#options()}).
 * {@code --timeout} is not among them: every style takes it.
 */
public enum GetOption {
    /** {@code --print}: print the poems after the run, for the styles whose original does not. */
    PRINT("--print"),
    /** {@code --quiet}: no per-chunk lines (Part 20 exercise). */
    QUIET("--quiet"),
    /** {@code --timing}: the time each poem took (Part 20 exercise). */
    TIMING("--timing"),
    /** {@code --in-order}: print poems in the order given (Part 20 exercise). */
    IN_ORDER("--in-order"),
    /** {@code --retries N}: restart a crashed download up to N times (supervised). */
    RETRIES("--retries"),
    /** {@code --seed N}: make random transform failures repeatable (Part 10). */
    SEED("--seed"),
    /** {@code --show-stack}: print the call stack at the first read (Part 5). */
    SHOW_STACK("--show-stack"),
    /** {@code --selector epoll|poll}: the reactor's selector (Part 3). */
    SELECTOR("--selector"),
    /**
     * {@code --xform NAME}: the transform to ask the transform server for (Part 13, exercise 1). A
     * style that declares it takes the transform server's address first
     * ({@link ClientStyle#takesTransformAddress()}).
     */
    XFORM("--xform");

    private final String flag;

    GetOption(String flag) {
        this.flag = flag;
    }

    /** The option as typed on the command line. */
    public String flag() {
        return flag;
    }
}
