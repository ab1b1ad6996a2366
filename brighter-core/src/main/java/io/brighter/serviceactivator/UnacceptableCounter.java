package io.brighter.serviceactivator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Counts one pump's unacceptable messages against the subscription's limit. With a window, the
 * count starts again at the first increment after the window has passed since the count began, as
 * .NET Brighter's {@code IncrementUnacceptableMessageCount} does. Used from one pump thread.
 */
final class UnacceptableCounter {

  private final int limit;
  private final @Nullable Duration window;
  private final Clock clock;
  private int count;
  private @Nullable Instant windowStart;

  UnacceptableCounter(int limit, @Nullable Duration window, Clock clock) {
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  void increment() {
    Instant now = clock.instant();
    Instant start = windowStart;
    if (start == null || (window != null && Duration.between(start, now).compareTo(window) > 0)) {
      if (start != null) {
        count = 0;
      }
      windowStart = now;
    }
    count++;
  }

  /** Whether the limit is on and met; a limit of 0 never trips. */
  boolean limitReached() {
    return limit > 0 && count >= limit;
  }

  int count() {
    return count;
  }
}
