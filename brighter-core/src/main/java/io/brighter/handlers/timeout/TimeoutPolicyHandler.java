package io.brighter.handlers.timeout;

import io.brighter.Request;
import io.brighter.handlers.PreparedRequestHandler;
import io.brighter.handlers.TimeoutPolicy;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * The handler inserted by {@link TimeoutPolicy}: runs the rest of the pipeline on a virtual thread
 * and waits at most the configured time for it. On timeout that thread is interrupted and a {@link
 * HandlerTimeoutException} is thrown; exceptions from the rest of the pipeline are rethrown as they
 * are.
 *
 * @param <T> the request type
 */
public final class TimeoutPolicyHandler<T extends Request>
    extends PreparedRequestHandler<T, TimeoutPolicy, TimeoutSettings> {

  @Override
  public TimeoutSettings prepare(TimeoutPolicy annotation, Class<?> targetHandler) {
    return TimeoutSettings.of(annotation, targetHandler);
  }

  @Override
  public T handle(T request) {
    TimeoutSettings limit = settings();
    FutureTask<T> rest = new FutureTask<>(() -> super.handle(request));
    Thread.ofVirtual()
        .name("brighter-timeout-" + limit.targetHandler().getSimpleName())
        .start(rest);
    try {
      return rest.get(limit.timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      rest.cancel(true);
      throw limit.exceeded();
    } catch (InterruptedException e) {
      rest.cancel(true);
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while waiting for " + limit.targetHandler());
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  private static RuntimeException rethrow(@Nullable Throwable cause) {
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException("pipeline failed", cause);
  }
}
