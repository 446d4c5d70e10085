package org.slowpoetry.servers.service;

import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.reactor.EventLoop;
import org.slowpoetry.servers.Poem;
import org.slowpoetry.service.Lifecycle;
import org.slowpoetry.service.LoomService;
import org.slowpoetry.service.ReactorService;

/**
 * The poem a server serves, loaded when the service starts: Part 16's {@code PoetryService}. It
 * knows nothing of sockets; the TCP services ({@link PoetryTcp}) ask it for the poem per
 * connection, and another protocol could too. Loading is the same in both styles, so it is a
 * {@link Lifecycle}, wrapped as a service of either kind:
 *
 * {@snippet :
 * var poetry = new PoetryService(Path.of("poems/ecstasy.txt"));
 * top.add(poetry.loom("poetry"));          // LoomService.of("poetry", poetry); or poetry.reactor("poetry", reactor)
 * top.add(PoetryTcp.fast().loom("tcp", "localhost", 10000, poetry));
 * }
 *
 * Starting logs {@code loaded a poem from: FILE} (info). A poem that cannot be loaded (missing, a
 * directory, unreadable, empty: {@link Poem#load}'s rules) fails the start with one line naming the
 * file.
 *
 * <p><b>Threading:</b> {@link #start()} runs once, on the thread the wrapping service starts it on;
 * {@link #poem()} is safe from any thread (connection threads, the reactor's) after that.
 */
public final class PoetryService implements Lifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(PoetryService.class);

    private final Path file;
    /** Written once by {@link #start()}, read by any thread after (volatile). */
    private volatile Poem poem;

    public PoetryService(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** A Loom service named {@code name} that loads this poem. */
    public LoomService loom(String name) {
        return LoomService.of(name, this);
    }

    /** A reactor service named {@code name}, on {@code loop}, that loads this poem. */
    public ReactorService reactor(String name, EventLoop loop) {
        return ReactorService.of(name, loop, this);
    }

    /**
     * Loads the poem.
     *
     * @throws org.slowpoetry.cli.UserException naming the file and what is wrong with it
     */
    @Override
    public void start() {
        poem = Poem.load(file);
        LOG.info("loaded a poem from: {}", file);
    }

    /**
     * The poem loaded by {@link #start()}.
     *
     * @throws IllegalStateException before the start (a tree that starts the port before the poem)
     */
    public Poem poem() {
        Poem p = poem;
        if (p == null) {
            throw new IllegalStateException("no poem from " + file + " yet: start the poetry service before its ports");
        }
        return p;
    }

    /** The poem file, as given. */
    public Path file() {
        return file;
    }

    @Override
    public String toString() {
        return "PoetryService[" + file + "]";
    }
}
