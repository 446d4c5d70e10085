package org.slowpoetry.clients.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slowpoetry.clients.ClientStyles;
import org.slowpoetry.clients.reactor.ReactorTesting.Captured;
import org.slowpoetry.trial.LeakCheck;

/** Part 5's stack example (on stderr): under dataReceived, the transport's doRead; above it, the reactor's loop. */
@ExtendWith(LeakCheck.class)
@Timeout(20)
class ShowStackTest {
    private static final String HEADING = "Call stack at the first dataReceived, outermost call first:";

    @BeforeAll
    static void warmUp() {
        ReactorTesting.warmUp();
    }

    @Test
    void theFirstReadPrintsTheLoopAboveTheTransportAboveTheProtocolOnce() throws Exception {
        Captured captured = ReactorTesting.capture(ReactorTesting.withShowStack());
        try (var s1 = ReactorTesting.server("loom", ReactorTesting.poem("a", 3), 10, Duration.ofMillis(1));
                var s2 = ReactorTesting.server("loom", ReactorTesting.poem("b", 3), 10, Duration.ofMillis(1))) {
            ClientStyles.find("reactor").fetch(List.of(ReactorTesting.address(s1), ReactorTesting.address(s2)),
                    captured.run());
        }
        List<String> lines = captured.err();
        assertEquals(1, lines.stream().filter(HEADING::equals).count(), lines::toString);
        List<String> stack = lines.subList(lines.indexOf(HEADING) + 1, lines.size()).stream()
                .takeWhile(l -> l.startsWith("  ")).toList();
        int loop = indexOf(stack, "org.slowpoetry.reactor.Reactor.run(");
        int doRead = indexOf(stack, "org.slowpoetry.reactor.TcpConnection.doRead(");
        int dataReceived = indexOf(stack, "org.slowpoetry.fetch.PoetryClientProtocol.dataReceived(");
        assertTrue(0 <= loop && loop < doRead && doRead < dataReceived, String.join("\n", stack));
        assertTrue(stack.getLast().contains("TaskPoetrySink.chunk("), "ends at client 2.0's sink: " + stack.getLast());
        assertTrue(captured.out().getFirst().startsWith("Task "), "the got-lines go to stdout: " + captured.out());
    }

    private static int indexOf(List<String> stack, String frame) {
        for (int i = 0; i < stack.size(); i++) {
            if (stack.get(i).strip().startsWith(frame)) {
                return i;
            }
        }
        return -1;
    }
}
