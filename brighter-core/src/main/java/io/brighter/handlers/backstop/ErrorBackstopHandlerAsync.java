package io.brighter.handlers.backstop;

import io.brighter.Request;
import io.brighter.handlers.PreparedRequestHandlerAsync;
import io.brighter.internal.Futures;
import java.lang.annotation.Annotation;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous handler inserted by the error backstop annotations; see {@link
 * ErrorBackstopHandler}.
 *
 * @param <T> the request type
 */
public final class ErrorBackstopHandlerAsync<T extends Request>
    extends PreparedRequestHandlerAsync<T, Annotation, ErrorBackstop> {

  @Override
  public ErrorBackstop prepare(Annotation annotation, Class<?> targetHandler) {
    return ErrorBackstop.of(annotation, targetHandler);
  }

  @Override
  public CompletableFuture<T> handleAsync(T request) {
    return Futures.call(() -> super.handleAsync(request))
        .exceptionallyCompose(
            wrapped -> {
              Throwable failure = Futures.unwrap(wrapped);
              return CompletableFuture.failedFuture(
                  failure instanceof RuntimeException runtime
                      ? settings().actionFor(runtime)
                      : failure);
            });
  }
}
