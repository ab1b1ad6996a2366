package io.brighter.handlers.timeout;

import io.brighter.ConfigurationException;
import io.brighter.handlers.TimeoutPolicy;
import java.time.Duration;

/** The timeout read from a {@link TimeoutPolicy}, checked once. */
record TimeoutSettings(Duration timeout, Class<?> targetHandler) {

  static TimeoutSettings of(TimeoutPolicy annotation, Class<?> targetHandler) {
    if (annotation.milliseconds() <= 0) {
      throw new ConfigurationException(
          "@TimeoutPolicy on "
              + targetHandler.getName()
              + " needs a positive milliseconds, not "
              + annotation.milliseconds());
    }
    return new TimeoutSettings(Duration.ofMillis(annotation.milliseconds()), targetHandler);
  }

  HandlerTimeoutException exceeded() {
    return HandlerTimeoutException.of(targetHandler, timeout);
  }
}
