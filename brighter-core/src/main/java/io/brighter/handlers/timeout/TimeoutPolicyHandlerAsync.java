package io.brighter.handlers.timeout;

import io.brighter.Request;
import io.brighter.handlers.PreparedRequestHandlerAsync;
import io.brighter.handlers.TimeoutPolicy;
import io.brighter.internal.Futures;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The asynchronous handler inserted by {@link TimeoutPolicy}: fails with a {@link
 * HandlerTimeoutException} when the rest of the pipeline's future has not completed in time, and
 * cancels that future.
 *
 * @param <T> the request type
 */
public final class TimeoutPolicyHandlerAsync<T extends Request>
    extends PreparedRequestHandlerAsync<T, TimeoutPolicy, TimeoutSettings> {

  @Override
  public TimeoutSettings prepare(TimeoutPolicy annotation, Class<?> targetHandler) {
    return TimeoutSettings.of(annotation, targetHandler);
  }

  @Override
  public CompletableFuture<T> handleAsync(T request) {
    TimeoutSettings limit = settings();
    CompletableFuture<T> rest = Futures.call(() -> super.handleAsync(request));
    return rest.copy()
        .orTimeout(limit.timeout().toNanos(), TimeUnit.NANOSECONDS)
        .handle(
            (result, failure) -> {
              if (failure == null) {
                return result;
              }
              if (Futures.unwrap(failure) instanceof TimeoutException && !rest.isDone()) {
                rest.cancel(true);
                throw Futures.propagate(limit.exceeded());
              }
              throw Futures.propagate(failure);
            });
  }
}
