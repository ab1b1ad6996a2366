package io.brighter.handlers.fallback;

import io.brighter.Request;
import io.brighter.handlers.FallbackPolicy;
import io.brighter.handlers.PreparedRequestHandlerAsync;
import io.brighter.internal.Futures;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous handler inserted by {@link FallbackPolicy}; see {@link FallbackPolicyHandler}.
 *
 * @param <T> the request type
 */
public final class FallbackPolicyHandlerAsync<T extends Request>
    extends PreparedRequestHandlerAsync<T, FallbackPolicy, FallbackSettings> {

  @Override
  public FallbackSettings prepare(FallbackPolicy annotation, Class<?> targetHandler) {
    return FallbackSettings.of(annotation);
  }

  @Override
  public CompletableFuture<T> handleAsync(T request) {
    return Futures.call(() -> super.handleAsync(request))
        .exceptionallyCompose(
            wrapped -> {
              Throwable failure = Futures.unwrap(wrapped);
              if (!settings().catches(failure)) {
                return CompletableFuture.failedFuture(failure);
              }
              context().bag().put(FallbackPolicy.CAUSE_KEY, failure);
              return Futures.call(() -> super.fallbackAsync(request));
            });
  }
}
