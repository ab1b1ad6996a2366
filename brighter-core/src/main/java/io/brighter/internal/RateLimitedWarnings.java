package io.brighter.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * Logs warnings that repeat while something stays broken (a broker down, a topic that refuses every
 * send) without flooding the log: the first warning of a kind is logged with its stack trace; the
 * same warning again within the period is only counted; the first one after the period is logged as
 * one line, without the stack trace, saying how many were left out. A kind is the text together
 * with the cause's type and message, so a new cause is logged in full at once. Not part of the
 * public API. Thread-safe.
 *
 * {@snippet :
 * RateLimitedWarnings warnings = new RateLimitedWarnings(Duration.ofMinutes(1));
 * warnings.warn(LOG, "Channel of greetings failed; retrying", failure);
 * }
 */
public final class RateLimitedWarnings {

  /** The period used by the components that do not set one: one minute. */
  public static final Duration DEFAULT_PERIOD = Duration.ofMinutes(1);

  private static final int MAX_KINDS = 1_024;

  private final long periodNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Kind> kinds = new ConcurrentHashMap<>();

  /** Warnings repeated at most once per {@code period}, timed by the system's nano time. */
  public RateLimitedWarnings(Duration period) {
    this(period, System::nanoTime);
  }

  /** Warnings repeated at most once per {@code period}, timed by {@code nanoTime}. */
  public RateLimitedWarnings(Duration period, LongSupplier nanoTime) {
    this.periodNanos = requireNonNull(period, "period must not be null").toNanos();
    this.nanoTime = requireNonNull(nanoTime, "nanoTime must not be null");
  }

  /**
   * Logs {@code message} and {@code cause} at WARN on {@code log}: in full the first time, as one
   * line with the count of repeats left out once the period has passed, not at all in between.
   *
   * @return whether anything was logged
   */
  public boolean warn(Logger log, String message, @Nullable Throwable cause) {
    String key = key(log, message, cause);
    long now = nanoTime.getAsLong();
    Kind kind = kinds.get(key);
    if (kind == null) {
      if (kinds.size() >= MAX_KINDS) {
        kinds.clear();
      }
      Kind first = new Kind(now);
      if (kinds.putIfAbsent(key, first) == null) {
        log.warn(message, cause);
        return true;
      }
      kind = kinds.get(key);
      if (kind == null) {
        return false;
      }
    }
    long suppressed = kind.repeatedAt(now, periodNanos);
    if (suppressed < 0) {
      return false;
    }
    log.warn(
        "{}: {} ({} more like it in the last {} s)",
        message,
        cause == null ? "" : cause.toString(),
        suppressed,
        Duration.ofNanos(periodNanos).toSeconds());
    return true;
  }

  private static String key(Logger log, String message, @Nullable Throwable cause) {
    return cause == null
        ? log.getName() + '\n' + message
        : log.getName()
            + '\n'
            + message
            + '\n'
            + cause.getClass().getName()
            + '\n'
            + cause.getMessage();
  }

  /** One kind of warning: when it was last logged and how many repeats were left out since. */
  private static final class Kind {
    private long loggedAt;
    private long suppressed;

    Kind(long loggedAt) {
      this.loggedAt = loggedAt;
    }

    /** -1 when this repeat is left out; else how many were left out before it, now logged. */
    synchronized long repeatedAt(long now, long periodNanos) {
      if (now - loggedAt < periodNanos) {
        suppressed++;
        return -1;
      }
      long left = suppressed;
      suppressed = 0;
      loggedAt = now;
      return left;
    }
  }
}
