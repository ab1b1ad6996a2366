package io.brighter.rabbitmq;

import io.brighter.ConfigurationException;
import io.brighter.internal.Settings;
import java.time.Duration;

/**
 * How a producer or consumer (re)connects to the broker: it tries {@code 1 + retryCount} times,
 * waiting {@code retryWait} before the first retry and twice as long before each next one; when
 * every try failed, a circuit breaker opens and further connects fail at once for {@code
 * circuitBreakTime}, so that a pump or sweeper does not hammer a broker that is down.
 *
 * {@snippet :
 * RmqConnectionRetry retry = RmqConnectionRetry.DEFAULT.withCircuitBreakTime(Duration.ofSeconds(5));
 * }
 *
 * @param retryCount how many times to retry after the first failed connect, at least 0
 * @param retryWait the wait before the first retry; doubled for each next one
 * @param circuitBreakTime how long connects fail at once after all tries failed
 */
public record RmqConnectionRetry(int retryCount, Duration retryWait, Duration circuitBreakTime) {

  /** .NET Brighter's defaults: three retries from one second, a one-minute break. */
  public static final RmqConnectionRetry DEFAULT =
      new RmqConnectionRetry(3, Duration.ofSeconds(1), Duration.ofMinutes(1));

  /** Checks the parts. */
  public RmqConnectionRetry {
    Settings.required(retryWait, "RmqConnectionRetry.retryWait");
    Settings.required(circuitBreakTime, "RmqConnectionRetry.circuitBreakTime");
    if (retryCount < 0) {
      throw new ConfigurationException("RmqConnectionRetry.retryCount must not be negative");
    }
    if (retryWait.isNegative() || circuitBreakTime.isNegative()) {
      throw new ConfigurationException("RmqConnectionRetry waits must not be negative");
    }
  }

  /** These settings with {@code value} retries. */
  public RmqConnectionRetry withRetryCount(int value) {
    return new RmqConnectionRetry(value, retryWait, circuitBreakTime);
  }

  /** These settings with a first retry wait of {@code value}. */
  public RmqConnectionRetry withRetryWait(Duration value) {
    return new RmqConnectionRetry(retryCount, value, circuitBreakTime);
  }

  /** These settings with a circuit break of {@code value}. */
  public RmqConnectionRetry withCircuitBreakTime(Duration value) {
    return new RmqConnectionRetry(retryCount, retryWait, value);
  }

  /** The wait before retry number {@code attempt} (1 for the first retry). */
  public Duration backOff(int attempt) {
    return retryWait.multipliedBy(1L << Math.min(attempt - 1, 20));
  }
}
