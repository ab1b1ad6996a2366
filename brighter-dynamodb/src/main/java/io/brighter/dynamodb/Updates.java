package io.brighter.dynamodb;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The update expressions the outbox writes, with their placeholders. */
final class Updates {

  /** An update expression and the names and values its placeholders (and condition) stand for. */
  record Update(String expression, Map<String, String> names, Map<String, AttributeValue> values) {}

  private Updates() {}

  /**
   * Marks a message dispatched at {@code at}: sets the delivery time (and the expiry when {@code
   * timeToLive} is given), removes the outstanding time and any lease. The condition may name the
   * key as {@code #id}.
   */
  static Update dispatched(Instant at, @Nullable Duration timeToLive) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    names.put("#id", MessageItems.MESSAGE_ID);
    names.put("#deliveryTime", MessageItems.DELIVERY_TIME);
    names.put("#deliveredAt", MessageItems.DELIVERED_AT);
    names.put("#outstanding", MessageItems.OUTSTANDING_CREATED_TIME);
    names.put("#lease", MessageItems.LEASE_UNTIL);
    values.put(":deliveryTime", MessageItems.n(Times.millis(at)));
    values.put(":deliveredAt", MessageItems.s(at.toString()));
    String set = "SET #deliveryTime = :deliveryTime, #deliveredAt = :deliveredAt";
    if (timeToLive != null) {
      names.put("#expiresAt", MessageItems.EXPIRES_AT);
      values.put(":expiresAt", MessageItems.n(expiry(at, timeToLive)));
      set += ", #expiresAt = :expiresAt";
    }
    return new Update(set + " REMOVE #outstanding, #lease", names, values);
  }

  /**
   * Leases a message until {@code leaseEnds}; the condition may name the outstanding time as {@code
   * #outstanding}, the lease as {@code #lease} and {@code now} as {@code :now}.
   */
  static Update lease(Instant now, long leaseEnds) {
    return new Update(
        "SET #lease = :leaseEnds",
        Map.of(
            "#lease",
            MessageItems.LEASE_UNTIL,
            "#outstanding",
            MessageItems.OUTSTANDING_CREATED_TIME),
        Map.of(":leaseEnds", MessageItems.n(leaseEnds), ":now", MessageItems.n(Times.millis(now))));
  }

  /** Keeps the items no lease holds at {@code now}. */
  static IndexQueries.Filter notLeased(Instant now) {
    return new IndexQueries.Filter(
        "attribute_not_exists(#lease) OR #lease <= :now",
        Map.of("#lease", MessageItems.LEASE_UNTIL),
        Map.of(":now", MessageItems.n(Times.millis(now))));
  }

  /** The epoch second DynamoDB's time to live deletes a message dispatched at {@code at}. */
  private static long expiry(Instant at, Duration timeToLive) {
    try {
      return at.plus(timeToLive).getEpochSecond();
    } catch (ArithmeticException | DateTimeException e) {
      return Instant.MAX.getEpochSecond();
    }
  }
}
