package io.brighter.benchmarks.faults;

import java.time.Duration;

/**
 * The scenarios' bounded waits on counts they read from the database or a broker: polled until they
 * reach the wanted value or the time is up, when the row shows what is missing.
 */
final class Waits {

  /** A count that may fail while it is read (scenario 4 stops the database). */
  @FunctionalInterface
  interface Count {
    long get() throws Exception;
  }

  private Waits() {}

  /**
   * Waits until {@code count} reaches {@code wanted}, for at most {@code within}, polling every
   * {@code poll}; a read that fails counts as not there yet.
   *
   * @throws Exception the last read's failure, when the time ran out on one
   */
  static void atLeast(Count count, long wanted, Duration within, Duration poll) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      Exception failure = null;
      try {
        if (count.get() >= wanted) {
          return;
        }
      } catch (Exception e) {
        failure = e;
      }
      if (System.nanoTime() > deadline) {
        if (failure != null) {
          throw failure;
        }
        return;
      }
      Thread.sleep(poll.toMillis());
    }
  }

  /**
   * {@code count} once it reaches 0, or as it is after {@code within}, polling every half second.
   */
  static long zero(Count count, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    long left = count.get();
    while (left > 0 && System.nanoTime() < deadline) {
      Thread.sleep(500);
      left = count.get();
    }
    return left;
  }
}
