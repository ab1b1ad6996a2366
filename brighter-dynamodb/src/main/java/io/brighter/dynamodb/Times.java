package io.brighter.dynamodb;

import java.time.Instant;

/** Instants as the epoch milliseconds the index range keys hold, saturating at the ends. */
final class Times {

  private Times() {}

  /** {@code instant} in epoch milliseconds, clamped to the range of a {@code long}. */
  static long millis(Instant instant) {
    try {
      return instant.toEpochMilli();
    } catch (ArithmeticException e) {
      return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
