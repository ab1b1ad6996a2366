package io.brighter.internal;

import static java.util.Objects.requireNonNull;

import io.brighter.messaging.RoutingKey;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Argument checks and time arithmetic shared by the outbox back ends' listings and claims. Not part
 * of the public API.
 */
public final class OutboxQueries {

  private OutboxQueries() {}

  /** Fails unless {@code pageSize} is positive. */
  public static void checkPageSize(int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be positive: " + pageSize);
    }
  }

  /** Rejects a missing, zero or negative claim lease. */
  public static void checkLease(Duration lease) {
    requireNonNull(lease, "lease must not be null");
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive: " + lease);
    }
  }

  /** The names of {@code topics}, sorted, so a query built from them is the same each time. */
  public static List<String> topicNames(Set<RoutingKey> topics) {
    return requireNonNull(topics, "excludedTopics must not be null").stream()
        .map(RoutingKey::value)
        .sorted()
        .toList();
  }

  /** {@code now - age}, or {@link Instant#MIN} when that is out of range (an age "forever"). */
  public static Instant cutoff(Instant now, Duration age) {
    requireNonNull(age, "age must not be null");
    try {
      return now.minus(age);
    } catch (DateTimeException | ArithmeticException e) {
      return Instant.MIN;
    }
  }

  /** {@code now + lease}, or {@link Instant#MAX} when that is out of range. */
  public static Instant leaseEnd(Instant now, Duration lease) {
    try {
      return now.plus(lease);
    } catch (DateTimeException | ArithmeticException e) {
      return Instant.MAX;
    }
  }
}
