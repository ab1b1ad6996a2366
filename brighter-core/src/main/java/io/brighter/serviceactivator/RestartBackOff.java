package io.brighter.serviceactivator;

import java.time.Duration;

/**
 * How long the dispatcher waits before it replaces a pump that died: {@code initial} before the
 * first restart, twice as long before each next one in a row, never more than {@code max}.
 */
record RestartBackOff(Duration initial, Duration max) {

  /** One second, doubling, at most a minute. */
  static final RestartBackOff DEFAULT =
      new RestartBackOff(Duration.ofSeconds(1), Duration.ofMinutes(1));

  /** The wait before restart number {@code restarts} in a row (1 for the first). */
  Duration before(int restarts) {
    int doublings = Math.min(Math.max(restarts - 1, 0), 30);
    Duration wait = initial.multipliedBy(1L << doublings);
    return wait.compareTo(max) > 0 ? max : wait;
  }
}
