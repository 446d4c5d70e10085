package org.slowpoetry.defer;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slowpoetry.reactor.EventLoop;

/**
 * The bridges between a {@link Deferred} and a {@link CompletableFuture}:
 * {@link Deferred#fromFuture} and {@link Deferred#toCompletableFuture}. Twisted's
 * {@code Deferred.fromFuture} and {@code asFuture}, for {@code java.util.concurrent}.
 *
 * <p><b>Threading:</b> both entry points run on the loop thread. A future completes, and can be
 * cancelled, on any thread: whatever crosses from the future's side to the Deferred's is posted
 * with {@link EventLoop#callFromThread}, so the Deferred is only ever touched on the loop thread.
 * The {@code settled} flags are read and written on the loop thread only.
 */
final class FutureBridge {
    private FutureBridge() {
    }

    static <T> Deferred<T> fromFuture(CompletableFuture<? extends T> future, EventLoop loop) {
        Objects.requireNonNull(future, "future");
        requireLoopThread(loop, "fromFuture");
        // The canceller does not fire the Deferred: cancel() then fails it with CancelledException
        // at once, and the future's own completion, arriving later on the loop, is dropped.
        Deferred<T> deferred = new Deferred<>(self -> future.cancel(false));
        future.whenComplete((value, error) -> loop.callFromThread(() -> {
            if (deferred.called()) {
                return; // cancelled from the Deferred's side first
            }
            if (error == null) {
                deferred.callback(value);
            } else if (future.isCancelled()) {
                deferred.errback(new CancelledException("the CompletableFuture was cancelled"));
            } else {
                deferred.errback(error); // Failure.of unwraps CompletionException
            }
        }));
        return deferred;
    }

    static <T> CompletableFuture<T> toFuture(Deferred<T> deferred, EventLoop loop) {
        requireLoopThread(loop, "toCompletableFuture");
        CompletableFuture<T> future = new CompletableFuture<>();
        boolean[] settled = {false}; // whether the Deferred has delivered its outcome; loop thread
        deferred.addCallbacks(value -> {
            settled[0] = true;
            future.complete(value);
            return null;
        }, failure -> {
            settled[0] = true;
            future.completeExceptionally(failure.value());
            return null;
        });
        future.whenComplete((value, error) -> {
            if (!future.isCancelled()) {
                return;
            }
            Runnable cancelDeferred = () -> {
                if (!settled[0]) {
                    deferred.cancel();
                }
            };
            if (loop.inEventLoop()) {
                cancelDeferred.run();
            } else {
                loop.callFromThread(cancelDeferred);
            }
        });
        return future;
    }

    static void requireLoopThread(EventLoop loop, String method) {
        Objects.requireNonNull(loop, "loop");
        if (!loop.inEventLoop()) {
            throw new WrongThreadException(method + " must be called on the event loop thread, not "
                    + Thread.currentThread().getName());
        }
    }
}
