package io.brighter.handlers.monitoring;

import io.brighter.Request;
import io.brighter.handlers.ConfiguredBy;
import io.brighter.handlers.Monitor;
import io.brighter.handlers.MonitorConfiguration;
import io.brighter.handlers.RequestHandlerAsync;
import io.brighter.internal.Futures;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The asynchronous handler inserted by {@link Monitor}; records as {@link MonitorHandler} does,
 * timing until the rest of the pipeline's future completes.
 *
 * @param <T> the request type
 */
public final class MonitorHandlerAsync<T extends Request> extends RequestHandlerAsync<T>
    implements ConfiguredBy<Monitor> {

  private Class<?> target = Object.class;

  @Override
  public void configure(Monitor annotation, Class<?> targetHandler) {
    target = targetHandler;
  }

  @Override
  public CompletableFuture<T> handleAsync(T request) {
    MonitorConfiguration configuration = context().monitoring().orElse(null);
    if (configuration == null) {
      return super.handleAsync(request);
    }
    MonitorRecorder recorder = new MonitorRecorder(configuration, target, request);
    return recorder
        .sendAsync(recorder.entered())
        .thenCompose(entered -> Futures.call(() -> super.handleAsync(request)))
        .handle(
            (result, failure) ->
                new Outcome<>(result, failure == null ? null : Futures.unwrap(failure)))
        .thenCompose(
            outcome ->
                recorder
                    .sendAsync(recorder.left(outcome.failure()))
                    .thenCompose(left -> outcome.asFuture()));
  }

  /** How the rest of the pipeline ended. */
  private record Outcome<T>(@Nullable T result, @Nullable Throwable failure) {
    CompletableFuture<T> asFuture() {
      Throwable thrown = failure;
      return thrown == null
          ? CompletableFuture.completedFuture(result)
          : CompletableFuture.failedFuture(thrown);
    }
  }
}
