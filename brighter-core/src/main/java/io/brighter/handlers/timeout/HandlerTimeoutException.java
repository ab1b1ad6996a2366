package io.brighter.handlers.timeout;

import io.brighter.TransientException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The rest of a pipeline guarded by {@link io.brighter.handlers.TimeoutPolicy} did not finish in
 * time, and was cancelled. Its cause is a {@link TimeoutException}.
 */
public final class HandlerTimeoutException extends TransientException {

  private static final long serialVersionUID = 1L;

  private final Duration timeout;

  private HandlerTimeoutException(String message, Duration timeout, TimeoutException cause) {
    super(message, cause);
    this.timeout = timeout;
  }

  /** The handler {@code targetHandler} ran longer than {@code timeout}. */
  public static HandlerTimeoutException of(Class<?> targetHandler, Duration timeout) {
    String message =
        targetHandler.getSimpleName() + " did not complete within " + timeout.toMillis() + " ms";
    return new HandlerTimeoutException(message, timeout, new TimeoutException(message));
  }

  /** The time that was allowed. */
  public Duration timeout() {
    return timeout;
  }
}
