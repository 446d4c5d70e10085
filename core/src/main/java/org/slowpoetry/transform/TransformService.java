package org.slowpoetry.transform;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The transformation service of Part 12: runs a named transform of its {@link TransformRegistry}
 * on a poem, and knows nothing of sockets, framing or threads. One instance serves every server
 * and every port (exercise 3: two protocols, one service), so what it counts is counted across all
 * of them.
 *
 * <p>Each request can be made in either style (exercise 4):
 * <ul>
 * <li>{@link #transformAsync}: never blocks; the reactor server calls it on its loop and picks the
 *     result up as a {@code Deferred}. A {@link Transform.Now} transform has already run when it
 *     returns; a {@link Transform.Later} one completes when its own work does.</li>
 * <li>{@link #transform(TransformRequest, Duration)}: blocks the caller until the result, at most
 *     {@code timeout}; the loom server calls it on a connection's virtual thread.</li>
 * </ul>
 * Either way every outcome is a {@link TransformResult} value, never an exception: an unknown name
 * is {@link TransformResult.Unknown}, a transform that throws is {@link TransformResult.Failed}.
 * Both styles together make it a {@link Transformer}, what a transform server serves.
 *
 * {@snippet :
 * var service = new TransformService(TransformRegistry.standard());
 * TransformResult now = service.transform(new TransformRequest("upper", "The Poem"), Duration.ofSeconds(5));
 * CompletableFuture<TransformResult> later = service.transformAsync(new TransformRequest("upper", "The Poem"));
 * }
 *
 * <p><b>Threading:</b> thread-safe: the registry is immutable and the counter atomic; any number of
 * threads, and a reactor loop, may call it at once.
 */
public final class TransformService implements Transformer {
    private final TransformRegistry registry;
    /** Requests taken, of every outcome; incremented by any calling thread, read by any. */
    private final AtomicLong requests = new AtomicLong();

    public TransformService(TransformRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /** A service offering {@link TransformRegistry#standard()}. */
    public static TransformService standard() {
        return new TransformService(TransformRegistry.standard());
    }

    /** The transforms offered. */
    public TransformRegistry registry() {
        return registry;
    }

    /** How many requests this service has taken so far, through every server and port. */
    public long requests() {
        return requests.get();
    }

    /**
     * Starts the request and returns at once. The future completes with the result, never
     * exceptionally; cancelling it cancels a {@link Transform.Later} transform's own future.
     */
    @Override
    public CompletableFuture<TransformResult> transformAsync(TransformRequest request) {
        Objects.requireNonNull(request, "request");
        requests.incrementAndGet();
        String name = request.name();
        var transform = registry.find(name);
        if (transform.isEmpty()) {
            return CompletableFuture.completedFuture(new TransformResult.Unknown(name));
        }
        CompletableFuture<String> poem = transform.get().applyAsync(request.poem());
        CompletableFuture<TransformResult> result = poem.handle((transformed, error) -> error == null
                ? new TransformResult.Transformed(name, transformed)
                : new TransformResult.Failed(name, unwrap(error)));
        result.whenComplete((r, error) -> {
            if (error instanceof CancellationException) {
                poem.cancel(false);
            }
        });
        return result;
    }

    /**
     * Runs the request and waits for its result, at most {@code timeout}: a transform still running
     * then is cancelled and reported as {@link TransformResult.Failed} with a
     * {@link TimeoutException}.
     *
     * @throws InterruptedException if the thread is interrupted while waiting (the transform is
     *                              cancelled)
     */
    @Override
    public TransformResult transform(TransformRequest request, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        CompletableFuture<TransformResult> result = transformAsync(request);
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            result.cancel(false);
            return new TransformResult.Failed(request.name(),
                    new TimeoutException("no result within " + timeout.toMillis() + " ms"));
        } catch (InterruptedException e) {
            result.cancel(false);
            throw e;
        } catch (ExecutionException e) {
            throw new AssertionError("a transform result never fails", e);
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    @Override
    public String toString() {
        return "transform service with " + registry + ", " + requests() + " requests so far";
    }
}
