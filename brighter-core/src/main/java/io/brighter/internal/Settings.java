package io.brighter.internal;

import io.brighter.ConfigurationException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The checks settings records and builders make on what they are given, each failing with a {@link
 * ConfigurationException} that names the property (e.g. {@code Subscription.timeout}), so every
 * configuration mistake is refused the same way when it is built. Not part of the public API.
 *
 * {@snippet :
 * this.lease = Settings.positive(lease, "OutboxSweeper.lease");
 * }
 */
public final class Settings {

  private Settings() {}

  /** {@code value}, which must be present. */
  public static <T> T required(@Nullable T value, String property) {
    if (value == null) {
      throw invalid(property, "may not be null");
    }
    return value;
  }

  /** {@code value}, which must be present and hold more than white space. */
  public static String notBlank(@Nullable String value, String property) {
    String present = required(value, property);
    if (present.isBlank()) {
      throw invalid(property, "may not be blank");
    }
    return present;
  }

  /** {@code value}, which must be present and longer than zero. */
  public static Duration positive(@Nullable Duration value, String property) {
    Duration present = required(value, property);
    if (!present.isPositive()) {
      throw invalid(property, "must be positive: " + present);
    }
    return present;
  }

  /** {@code value}, which must be present and not negative. */
  public static Duration notNegative(@Nullable Duration value, String property) {
    Duration present = required(value, property);
    if (present.isNegative()) {
      throw invalid(property, "must not be negative: " + present);
    }
    return present;
  }

  /** {@code value}, which must be {@code min} or more. */
  public static int atLeast(int value, int min, String property) {
    if (value < min) {
      throw invalid(property, "must be at least " + min + ": " + value);
    }
    return value;
  }

  /** The error for {@code property}, which {@code problem}s, e.g. "must be positive". */
  public static ConfigurationException invalid(String property, String problem) {
    return new ConfigurationException(property + " " + problem);
  }
}
