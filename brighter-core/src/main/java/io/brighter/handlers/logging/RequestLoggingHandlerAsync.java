package io.brighter.handlers.logging;

import io.brighter.Request;
import io.brighter.handlers.ConfiguredBy;
import io.brighter.handlers.RequestHandlerAsync;
import io.brighter.handlers.RequestLogging;
import io.brighter.internal.Futures;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous handler inserted by {@link RequestLogging}; logs as {@link
 * RequestLoggingHandler} does, timing until the rest of the pipeline's future completes.
 *
 * @param <T> the request type
 */
public final class RequestLoggingHandlerAsync<T extends Request> extends RequestHandlerAsync<T>
    implements ConfiguredBy<RequestLogging> {

  private Class<?> target = Object.class;

  @Override
  public void configure(RequestLogging annotation, Class<?> targetHandler) {
    target = targetHandler;
  }

  @Override
  public CompletableFuture<T> handleAsync(T request) {
    long started = RequestLog.start(RequestLoggingHandler.LOG);
    RequestLog.entering(RequestLoggingHandler.LOG, target, request);
    return Futures.call(() -> super.handleAsync(request))
        .whenComplete(
            (result, failure) -> {
              if (failure == null) {
                RequestLog.handled(RequestLoggingHandler.LOG, target, request, started);
              } else {
                RequestLog.failed(
                    RequestLoggingHandler.LOG, target, request, started, Futures.unwrap(failure));
              }
            });
  }
}
