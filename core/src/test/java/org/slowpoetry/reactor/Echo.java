package org.slowpoetry.reactor;

import java.nio.ByteBuffer;

/** Writes back whatever it receives (a copy: the received view is only valid during the call). */
class Echo extends Recorder {
    @Override
    public void dataReceived(ByteBuffer data) {
        ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data.duplicate()).flip();
        super.dataReceived(data);
        t().write(copy);
    }
}
