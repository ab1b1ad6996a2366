package io.brighter.handlers.backstop;

import io.brighter.Request;
import io.brighter.handlers.ConfiguredBy;
import io.brighter.handlers.RequestHandlerAsync;
import io.brighter.internal.Futures;
import java.lang.annotation.Annotation;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous handler inserted by the error backstop annotations; see {@link
 * ErrorBackstopHandler}.
 *
 * @param <T> the request type
 */
public final class ErrorBackstopHandlerAsync<T extends Request> extends RequestHandlerAsync<T>
    implements ConfiguredBy<Annotation> {

  private ErrorBackstop backstop = ErrorBackstop.PASS_THROUGH;

  @Override
  public void configure(Annotation annotation, Class<?> targetHandler) {
    backstop = ErrorBackstop.of(annotation, targetHandler);
  }

  @Override
  public CompletableFuture<T> handleAsync(T request) {
    return Futures.call(() -> super.handleAsync(request))
        .exceptionallyCompose(
            wrapped -> {
              Throwable failure = Futures.unwrap(wrapped);
              return CompletableFuture.failedFuture(
                  failure instanceof RuntimeException runtime
                      ? backstop.actionFor(runtime)
                      : failure);
            });
  }
}
