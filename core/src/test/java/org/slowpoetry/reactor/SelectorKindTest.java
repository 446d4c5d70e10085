package org.slowpoetry.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.Selector;
import java.nio.channels.spi.SelectorProvider;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Choosing the selector, as Twisted installs its select or poll reactor (Part 3). The build runs
 * tests with {@code --add-exports java.base/sun.nio.ch=ALL-UNNAMED}, so poll is available here.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SelectorKindTest {

    @Test
    void namesAreTheSelectorOptionValues() {
        assertSame(SelectorKind.EPOLL, SelectorKind.fromName("epoll"));
        assertSame(SelectorKind.POLL, SelectorKind.fromName(" POLL "));
        assertEquals("poll", SelectorKind.POLL.id());
        assertEquals("epoll", SelectorKind.EPOLL.toString());
    }

    @Test
    void anUnknownNameIsRejectedNamingTheChoices() {
        var e = assertThrows(IllegalArgumentException.class, () -> SelectorKind.fromName("select"));
        assertEquals("unknown selector 'select'; choose one of: epoll, poll", e.getMessage());
    }

    @Test
    void epollIsTheJdkDefaultProvider() throws IOException {
        try (Selector selector = SelectorKind.EPOLL.open()) {
            assertSame(SelectorProvider.provider(), selector.provider());
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void onLinuxEpollAndPollAreReallyEpollAndPoll() throws IOException {
        try (Selector epoll = SelectorKind.EPOLL.open(); Selector poll = SelectorKind.POLL.open()) {
            assertEquals("sun.nio.ch.EPollSelectorImpl", epoll.getClass().getName());
            assertEquals("sun.nio.ch.PollSelectorImpl", poll.getClass().getName());
        }
    }

    @Test
    void aReactorRemembersItsKind() throws IOException {
        assertTrue(SelectorKind.POLL.available(), "the build exports sun.nio.ch for the poll selector");
        try (Reactor reactor = Reactor.open(SelectorKind.POLL)) {
            assertSame(SelectorKind.POLL, reactor.selectorKind());
        }
    }
}
