package org.slowpoetry.servers.faults;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.slowpoetry.servers.PoetryServer;
import org.slowpoetry.servers.ServerConfig;
import org.slowpoetry.servers.ServerImpls;

/**
 * The poetry servers the fault suite runs each case against: every {@code --impl} that
 * {@link ServerImpls} finds, and the reactor twice, once per selector (the poll selector has ways
 * of its own to spin). {@code FaultSuiteCoverageTest} fails if an impl is added and left out here.
 * A case's name carries the label: {@code aClientThatNeverReadsDelaysNoOneElse[reactor-poll]}.
 *
 * <p><b>Threading:</b> immutable constants.
 */
enum PoetryImpl {
    BLOCKING("blocking", "epoll"),
    LOOM("loom", "epoll"),
    ERLANG("erlang", "epoll"),
    REACTOR("reactor", "epoll"),
    REACTOR_POLL("reactor", "poll");

    /** The {@code --impl} name. */
    final String impl;
    /** The {@code --selector}: only the reactor listens to it. */
    final String selector;

    PoetryImpl(String impl, String selector) {
        this.impl = impl;
        this.selector = selector;
    }

    /** Starts {@code config} with this impl and selector. */
    PoetryServer start(ServerConfig config) throws IOException {
        return ServerImpls.find(impl, config.kind()).start(config.withSelector(selector));
    }

    /** The same choice as {@code serve} options. */
    List<String> options() {
        return List.of("--impl", impl, "--selector", selector);
    }

    /** Whether it serves one client at a time (the others wait in the accept backlog). */
    boolean oneAtATime() {
        return this == BLOCKING;
    }

    /** {@code blocking}, {@code reactor-poll}: the label in case names. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
