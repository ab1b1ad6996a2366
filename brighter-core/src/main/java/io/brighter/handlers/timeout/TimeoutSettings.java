package io.brighter.handlers.timeout;

import io.brighter.ConfigurationException;
import io.brighter.handlers.TimeoutPolicy;
import java.time.Duration;

/**
 * The timeout read from a {@link TimeoutPolicy}, checked once per handler class.
 *
 * @param timeout the time allowed
 * @param targetHandler the handler timed
 */
public record TimeoutSettings(Duration timeout, Class<?> targetHandler) {

  /**
   * The settings {@code annotation} on {@code targetHandler} asks for; the time must be positive.
   */
  public static TimeoutSettings of(TimeoutPolicy annotation, Class<?> targetHandler) {
    if (annotation.milliseconds() <= 0) {
      throw new ConfigurationException(
          "@TimeoutPolicy on "
              + targetHandler.getName()
              + " needs a positive milliseconds, not "
              + annotation.milliseconds());
    }
    return new TimeoutSettings(Duration.ofMillis(annotation.milliseconds()), targetHandler);
  }

  /** The exception for a run that took too long. */
  public HandlerTimeoutException exceeded() {
    return HandlerTimeoutException.of(targetHandler, timeout);
  }
}
