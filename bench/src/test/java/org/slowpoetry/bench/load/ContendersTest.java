package org.slowpoetry.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slowpoetry.servers.ServerKind;

/** The reactor rows: which {@code --impls reactor} means, and the loops each server is started with. */
class ContendersTest {
    @TempDir
    Path scratch;

    @Test
    void reactorMeansEveryReactorRowInTableOrder() {
        var notes = new ArrayList<String>();
        List<String> labels = Contenders.discover(List.of("reactor"), scratch, notes::add).stream()
                .map(Contender::label).toList();
        assertEquals(List.of("reactor-epoll", "reactor-poll", "reactor-epoll-1", "reactor-epoll-handoff"), labels,
                notes.toString());
    }

    @Test
    void theOneLoopRowAsksForOneLoopAndTheOthersForTheServersDefault() {
        var rows = Contenders.discover(List.of("reactor-epoll-1", "reactor-epoll"), scratch, note -> { });
        assertEquals(List.of("reactor-epoll", "reactor-epoll-1"), rows.stream().map(Contender::label).toList());
        List<String> perCore = command(rows.get(0));
        List<String> oneLoop = command(rows.get(1));
        assertEquals("1", oneLoop.get(oneLoop.indexOf("--loops") + 1), oneLoop.toString());
        assertEquals(1, Collections.frequency(oneLoop, "--loops"), oneLoop.toString());
        assertFalse(perCore.contains("--loops"), perCore.toString());
    }

    @Test
    void theHandoffRowPicksTheOtherAcceptModelAndOnlyIt() {
        var rows = Contenders.discover(List.of("reactor-epoll", "reactor-epoll-handoff"), scratch, note -> { });
        String property = "-Dslowpoetry.reactor.accept=handoff";
        assertFalse(command(rows.get(0)).contains(property), command(rows.get(0)).toString());
        assertEquals(1, Collections.frequency(command(rows.get(1)), property), command(rows.get(1)).toString());
    }

    private static List<String> command(Contender row) {
        return row.command(ServerKind.FAST, Path.of("poem.txt"), 10, 0.1, List.of(), true);
    }
}
