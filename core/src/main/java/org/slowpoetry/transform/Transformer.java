package org.slowpoetry.transform;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * What a transform server puts behind its ports: something that turns a {@link TransformRequest}
 * into a {@link TransformResult}, in the style of the server that calls it. The reactor server
 * calls {@link #transformAsync} on its loop; the loom server calls {@link #transform} on a
 * connection's virtual thread. {@link TransformService} (Part 12's service, a registry of local
 * transforms) answers both; a transformation proxy (Part 14, exercise 4) forwards to another
 * server, and answers the one style it is written for.
 *
 * {@snippet :
 * Transformer local = TransformService.standard();
 * TransformResult result = local.transform(new TransformRequest("upper", "The Poem"), Duration.ofSeconds(5));
 * }
 *
 * <p>Every outcome is a {@link TransformResult} value, never an exception: an unknown name is
 * {@link TransformResult.Unknown}, a transform that fails (or a server that cannot be reached) is
 * {@link TransformResult.Failed}.
 *
 * <p><b>Threading:</b> each implementation says which threads may call which method. One written
 * for a single style throws {@link UnsupportedOperationException} from the other style's method,
 * and {@link WrongThreadException} when called on a thread its style forbids.
 */
public interface Transformer {

    /**
     * Starts the request and returns at once, without blocking. The future completes with the
     * result, never exceptionally; cancelling it abandons the work still running.
     */
    CompletableFuture<TransformResult> transformAsync(TransformRequest request);

    /**
     * Runs the request and waits for its result, at most {@code timeout} (a request still running
     * then is abandoned and reported as {@link TransformResult.Failed}).
     *
     * @throws InterruptedException if the thread is interrupted while waiting; the work is abandoned
     */
    TransformResult transform(TransformRequest request, Duration timeout) throws InterruptedException;
}
