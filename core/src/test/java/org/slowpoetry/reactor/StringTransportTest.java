package org.slowpoetry.reactor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The in-memory harness drives a protocol exactly as a reactor would, without sockets. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StringTransportTest {

    /** Shouts back each line it receives; says goodbye and closes on "bye". */
    static final class Shouter extends Protocol {
        private final StringBuilder line = new StringBuilder();
        final List<ConnectionClosed> lost = new ArrayList<>();

        @Override
        protected void connectionMade() {
            transport().write("hello\n".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            String text = StandardCharsets.UTF_8.decode(data).toString();
            for (char c : text.toCharArray()) {
                if (c != '\n') {
                    line.append(c);
                    continue;
                }
                if (line.toString().equals("bye")) {
                    transport().write("goodbye\n".getBytes(StandardCharsets.UTF_8));
                    transport().loseConnection();
                } else {
                    transport().write((line.toString().toUpperCase() + "\n").getBytes(StandardCharsets.UTF_8));
                }
                line.setLength(0);
            }
        }

        @Override
        public void connectionLost(ConnectionClosed reason) {
            lost.add(reason);
        }
    }

    @Test
    void drivesAProtocolWithoutSockets() {
        var transport = new StringTransport();
        var shouter = transport.connect(new Shouter());
        assertEquals("hello\n", transport.valueAsString());
        transport.clear();
        transport.receiveByteByByte("when I have fears\nbye\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("WHEN I HAVE FEARS\ngoodbye\n", transport.valueAsString());
        assertTrue(transport.disconnecting());
        transport.closeCleanly();
        assertEquals(List.of(new ConnectionDone()), shouter.lost);
    }

    @Test
    void writesAreCopiedSoTheProtocolMayReuseItsBuffer() {
        var transport = new StringTransport();
        transport.connect(new Protocol() { });
        byte[] reused = "abc".getBytes(StandardCharsets.UTF_8);
        transport.write(reused);
        reused[0] = 'X';
        assertEquals("abc", transport.valueAsString());
    }

    @Test
    void aRegisteredProducerIsStoppedWhenTheConnectionIsLost() {
        var transport = new StringTransport();
        var events = new ArrayList<String>();
        transport.connect(new Protocol() {
            @Override
            protected void connectionMade() {
                transport().registerProducer(new Producer() {
                    @Override
                    public void pauseProducing() {
                        events.add("pause");
                    }

                    @Override
                    public void resumeProducing() {
                        events.add("resume");
                    }

                    @Override
                    public void stopProducing() {
                        events.add("stop");
                    }
                });
            }
        });
        transport.producer().pauseProducing();
        transport.producer().resumeProducing();
        var cause = new IllegalStateException("gone");
        transport.closeWith(cause);
        assertEquals(List.of("pause", "resume", "stop"), events);
        assertSame(cause, assertInstanceOf(ConnectionLost.class, transport.lostWith()).cause());
    }

    @Test
    void misuseThrowsAtOnce() {
        var transport = new StringTransport();
        assertThrows(IllegalStateException.class, () -> transport.receive("too early"));
        var protocol = transport.connect(new Protocol() { });
        assertThrows(IllegalStateException.class, () -> new StringTransport().connect(protocol),
                "a protocol serves one connection");
        transport.closeCleanly();
        assertThrows(IllegalStateException.class, transport::closeCleanly);
        assertThrows(IllegalStateException.class, () -> transport.receive("too late"));
    }
}
