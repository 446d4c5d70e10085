package org.slowpoetry.servers.transform;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.slowpoetry.transform.TransformRequest;

/**
 * What a server must do next with a connection, as {@link TransformExchange} decides it. Both
 * styles switch over these values; only how they wait differs.
 *
 * <p><b>Threading:</b> immutable, except that a {@link Reply}'s buffer is the writer's to consume.
 */
sealed interface Step {

    /** No whole request yet: read more. */
    record ReadMore() implements Step {
    }

    /** A whole request: run it on the service, then hand the result to the exchange. */
    record Run(TransformRequest request) implements Step {
        public Run {
            Objects.requireNonNull(request, "request");
        }
    }

    /** Write these bytes, then close. */
    record Reply(ByteBuffer bytes) implements Step {
        public Reply {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** Close with no reply; the exchange has already logged why. */
    record Close(String reason) implements Step {
        public Close {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
