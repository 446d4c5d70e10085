package org.slowpoetry.servers.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slowpoetry.servers.TestPoems;
import org.slowpoetry.service.LoomService;
import org.slowpoetry.service.ServiceException;
import org.slowpoetry.service.ServiceState;
import org.slowpoetry.testing.CapturedLog;
import org.slowpoetry.trial.LoomTest;

/**
 * Part 16's poetry service: the poem is loaded when the service starts, not before. Under
 * {@link LoomTest}, whose leak check would catch a poem file left open by the load.
 */
@LoomTest(timeout = 10)
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PoetryServiceTest {

    @TempDir
    Path dir;

    @Test
    void thePoemIsLoadedAtStartAndTheLoadIsLogged() throws Exception {
        Path file = Files.write(dir.resolve("short.txt"), TestPoems.shortPoem().bytes());
        var poetry = new PoetryService(file);
        assertThrows(IllegalStateException.class, poetry::poem, "nothing is read before the start");
        long mark = CapturedLog.mark();
        LoomService service = poetry.loom("poetry");
        service.start();
        assertArrayEquals(TestPoems.shortPoem().bytes(), poetry.poem().bytes());
        assertEquals(List.of("INFO loaded a poem from: " + file), CapturedLog.since(mark));
        service.stop();
    }

    @Test
    void aPoemThatCannotBeLoadedFailsTheStartNamingTheServiceAndTheFile() {
        Path missing = dir.resolve("missing.txt");
        LoomService service = new PoetryService(missing).loom("poetry");
        var e = assertThrows(ServiceException.class, service::start);
        assertEquals("cannot start poetry: poem '" + missing + "' not found", e.getMessage());
        assertEquals(ServiceState.FAILED, service.state());
    }

    @Test
    void askingForThePoemBeforeTheStartSaysTheTreeIsInTheWrongOrder() {
        var e = assertThrows(IllegalStateException.class, () -> new PoetryService(Path.of("poem.txt")).poem());
        assertEquals("no poem from poem.txt yet: start the poetry service before its ports", e.getMessage());
    }
}
