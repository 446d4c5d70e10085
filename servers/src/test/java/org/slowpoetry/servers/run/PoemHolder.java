package org.slowpoetry.servers.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slowpoetry.service.Lifecycle;

/**
 * The text's {@code PoetryService} for the runner's tests (the test plugin, the test application
 * files): loads the poem when started.
 *
 * <p><b>Threading:</b> {@code poem} is written by {@link #start()} and read by connections after
 * the service has started (volatile).
 */
public final class PoemHolder implements Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(PoemHolder.class);

    private final Path file;
    private volatile byte[] poem;

    public PoemHolder(Path file) {
        this.file = file;
    }

    @Override
    public void start() throws IOException {
        poem = Files.readAllBytes(file);
        LOG.info("loaded a poem from: {}", file);
    }

    public byte[] poem() {
        return poem;
    }
}
