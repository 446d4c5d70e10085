package org.slowpoetry.reactor;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectableChannel;
import java.nio.channels.spi.SelectorProvider;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The raw descriptor API of Part 4 (addReader/addWriter, doRead/doWrite, connectionLost), on pipes. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DescriptorTest {

    /** Part 4's PoetrySocket, on a pipe: reads until end of stream. */
    static class PipeReader implements ReadDescriptor {
        private final Pipe.SourceChannel source;
        private final ByteBuffer buffer = ByteBuffer.allocate(1024);
        private final ByteArrayOutputStream poem = new ByteArrayOutputStream();
        final AtomicInteger reads = new AtomicInteger();
        final CompletableFuture<ConnectionClosed> lost = new CompletableFuture<>();
        /** Bytes so far; completed copies for the test thread. */
        volatile String text = "";

        PipeReader(Pipe.SourceChannel source) {
            this.source = source;
        }

        @Override
        public SelectableChannel channel() {
            return source;
        }

        @Override
        public Optional<ConnectionClosed> doRead() throws IOException {
            reads.incrementAndGet();
            buffer.clear();
            int n = source.read(buffer);
            if (n < 0) {
                return Optional.of(new ConnectionDone());
            }
            poem.write(buffer.array(), 0, n);
            text = poem.toString(StandardCharsets.UTF_8);
            return Optional.empty();
        }

        @Override
        public void connectionLost(ConnectionClosed reason) {
            lost.complete(reason);
        }
    }

    private static Pipe pipe() throws IOException {
        return SelectorProvider.provider().openPipe();
    }

    @ParameterizedTest
    @EnumSource(SelectorKind.class)
    void aReaderReadsUntilEndOfStreamThenIsClosedAndToldConnectionDone(SelectorKind kind) throws Exception {
        Pipe pipe = pipe();
        var reader = new PipeReader(pipe.source());
        try (Reactor reactor = Reactor.open(kind); var loop = ReactorThread.start(reactor, "t-reactor")) {
            loop.call(() -> {
                reactor.addReader(reader);
                return null;
            });
            pipe.sink().write(ByteBuffer.wrap("When I have fears".getBytes(StandardCharsets.UTF_8)));
            await().until(() -> reader.text.equals("When I have fears"));
            pipe.sink().close();
            assertInstanceOf(ConnectionDone.class, reader.lost.get());
            assertFalse(pipe.source().isOpen(), "the reactor closes the channel of a disconnected descriptor");
            assertEquals(List.of(), loop.call(reactor::getReaders));
        }
    }

    @Test
    void aRemovedReaderIsNotCalledUntilAddedAgain() throws Exception {
        Pipe pipe = pipe();
        var reader = new PipeReader(pipe.source());
        try (Reactor reactor = Reactor.open(); var loop = ReactorThread.start(reactor, "t-reactor")) {
            loop.call(() -> {
                reactor.addReader(reader);
                reactor.removeReader(reader);
                return null;
            });
            pipe.sink().write(ByteBuffer.wrap("x".getBytes(StandardCharsets.UTF_8)));
            // two full loop iterations with the pipe readable: a registered reader would have run
            loop.call(() -> null);
            loop.call(() -> null);
            assertEquals(0, reader.reads.get());
            assertEquals(List.of(), loop.call(reactor::getReaders));
            loop.call(() -> {
                reactor.addReader(reader);
                return null;
            });
            await().until(() -> reader.text.equals("x"));
            pipe.sink().close();
            reader.lost.get();
        }
    }

    @Test
    void aReaderThatThrowsIsDisconnectedWithTheCause() throws Exception {
        Pipe pipe = pipe();
        var boom = new IllegalStateException("boom");
        var reader = new PipeReader(pipe.source()) {
            @Override
            public Optional<ConnectionClosed> doRead() {
                throw boom;
            }
        };
        try (Reactor reactor = Reactor.open(); var loop = ReactorThread.start(reactor, "t-reactor")) {
            loop.call(() -> {
                reactor.addReader(reader);
                return null;
            });
            pipe.sink().write(ByteBuffer.wrap(new byte[1]));
            assertSame(boom, assertInstanceOf(ConnectionLost.class, reader.lost.get()).cause());
            assertFalse(pipe.source().isOpen());
        } finally {
            pipe.sink().close();
        }
    }

    @ParameterizedTest
    @EnumSource(SelectorKind.class)
    void aWriterIsCalledWhileItsChannelIsWritable(SelectorKind kind) throws Exception {
        Pipe pipe = pipe();
        var written = new CompletableFuture<Void>();
        var remove = new Reactor[1];
        WriteDescriptor writer = new WriteDescriptor() {
            private final ByteBuffer poem = ByteBuffer.wrap("Bright star".getBytes(StandardCharsets.UTF_8));

            @Override
            public SelectableChannel channel() {
                return pipe.sink();
            }

            @Override
            public Optional<ConnectionClosed> doWrite() throws IOException {
                pipe.sink().write(poem);
                if (!poem.hasRemaining()) {
                    remove[0].removeWriter(this);
                    written.complete(null);
                }
                return Optional.empty();
            }

            @Override
            public void connectionLost(ConnectionClosed reason) {
            }
        };
        try (Reactor reactor = Reactor.open(kind); var loop = ReactorThread.start(reactor, "t-reactor")) {
            remove[0] = reactor;
            loop.call(() -> {
                reactor.addWriter(writer);
                return null;
            });
            written.get();
            ByteBuffer got = ByteBuffer.allocate(11);
            while (got.hasRemaining()) {
                pipe.source().read(got);
            }
            assertEquals("Bright star", new String(got.array(), StandardCharsets.UTF_8));
            assertEquals(List.of(), loop.call(reactor::getWriters));
        } finally {
            pipe.source().close();
            pipe.sink().close();
        }
    }

    @Test
    void removeAllReturnsEveryReaderAndWriterOnce() throws Exception {
        Pipe a = pipe();
        Pipe b = pipe();
        var reader = new PipeReader(a.source());
        WriteDescriptor writer = new WriteDescriptor() {
            @Override
            public SelectableChannel channel() {
                return b.sink();
            }

            @Override
            public Optional<ConnectionClosed> doWrite() {
                return Optional.empty();
            }

            @Override
            public void connectionLost(ConnectionClosed reason) {
            }
        };
        try (Reactor reactor = Reactor.open()) {
            reactor.addReader(reader);
            reactor.addWriter(writer);
            assertEquals(List.of(reader), reactor.getReaders());
            assertEquals(List.of(writer), reactor.getWriters());
            List<Descriptor> removed = reactor.removeAll();
            assertEquals(2, removed.size());
            assertTrue(removed.contains(reader) && removed.contains(writer));
            assertEquals(List.of(), reactor.getReaders());
            assertEquals(List.of(), reactor.getWriters());
        } finally {
            for (var c : List.of(a.source(), a.sink(), b.source(), b.sink())) {
                c.close();
            }
        }
    }

    @Test
    void aChannelThatCannotBeReadCannotBeAReader() throws Exception {
        Pipe pipe = pipe();
        ReadDescriptor wrong = new ReadDescriptor() {
            @Override
            public SelectableChannel channel() {
                return pipe.sink();
            }

            @Override
            public Optional<ConnectionClosed> doRead() {
                return Optional.empty();
            }

            @Override
            public void connectionLost(ConnectionClosed reason) {
            }
        };
        try (Reactor reactor = Reactor.open()) {
            assertThrows(IllegalArgumentException.class, () -> reactor.addReader(wrong));
            pipe.sink().close();
            pipe.source().close();
            assertThrows(IllegalArgumentException.class, () -> reactor.addReader(new PipeReader(pipe.source())));
        }
    }

    @Test
    void stoppingTheReactorClosesRawDescriptorsAndTellsThem() throws Exception {
        Pipe pipe = pipe();
        var reader = new PipeReader(pipe.source());
        Reactor reactor = Reactor.open();
        reactor.addReader(reader);
        try (var loop = ReactorThread.start(reactor, "t-reactor")) {
            assertEquals(1, loop.call(() -> reactor.getReaders().size()));
        }
        var reason = assertInstanceOf(ConnectionLost.class, reader.lost.get());
        assertInstanceOf(ReactorStoppedException.class, reason.cause());
        assertFalse(pipe.source().isOpen());
        pipe.sink().close();
    }
}
