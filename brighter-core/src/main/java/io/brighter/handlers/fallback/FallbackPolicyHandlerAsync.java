package io.brighter.handlers.fallback;

import io.brighter.Request;
import io.brighter.handlers.FallbackPolicy;
import io.brighter.handlers.PreparedBy;
import io.brighter.handlers.RequestHandlerAsync;
import io.brighter.internal.Futures;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous handler inserted by {@link FallbackPolicy}; see {@link FallbackPolicyHandler}.
 *
 * @param <T> the request type
 */
public final class FallbackPolicyHandlerAsync<T extends Request> extends RequestHandlerAsync<T>
    implements PreparedBy<FallbackPolicy, FallbackSettings> {

  private FallbackSettings settings = FallbackSettings.NONE;

  @Override
  public FallbackSettings prepare(FallbackPolicy annotation, Class<?> targetHandler) {
    return FallbackSettings.of(annotation);
  }

  @Override
  public void configure(FallbackSettings prepared) {
    settings = prepared;
  }

  @Override
  public CompletableFuture<T> handleAsync(T request) {
    return Futures.call(() -> super.handleAsync(request))
        .exceptionallyCompose(
            wrapped -> {
              Throwable failure = Futures.unwrap(wrapped);
              if (!settings.catches(failure)) {
                return CompletableFuture.failedFuture(failure);
              }
              context().bag().put(FallbackPolicy.CAUSE_KEY, failure);
              return Futures.call(() -> super.fallbackAsync(request));
            });
  }
}
