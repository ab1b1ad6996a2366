package io.brighter.dynamodb;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    names.put("#dueAt", MessageItems.DUE_AT);
    return new Update(set + " REMOVE #outstanding, #lease, #dueAt", names, values);
  }

  /**
   * The condition that a message is scheduled and not yet due and outstanding: it names the
   * outstanding time {@code #outstanding}, the due time {@code #dueAt} and now {@code :now}.
   */
  static final String NOT_YET_DUE = "attribute_exists(#outstanding) AND #dueAt > :now";

  /** {@link #NOT_YET_DUE} at {@code now}, with its names and values. */
  static IndexQueries.Filter notYetDue(Instant now) {
    return new IndexQueries.Filter(
        NOT_YET_DUE,
        Map.of(
            "#outstanding", MessageItems.OUTSTANDING_CREATED_TIME, "#dueAt", MessageItems.DUE_AT),
        Map.of(":now", MessageItems.n(Times.millis(now))));
  }

  /** Moves a scheduled message to {@code dueAt}, under {@link #NOT_YET_DUE} at {@code now}. */
  static Update rescheduled(Instant dueAt, Instant now) {
    AttributeValue due = MessageItems.n(Times.millis(dueAt));
    return new Update(
        "SET #outstanding = :due, #dueAt = :due",
        Map.of(
            "#outstanding", MessageItems.OUTSTANDING_CREATED_TIME, "#dueAt", MessageItems.DUE_AT),
        Map.of(":due", due, ":now", MessageItems.n(Times.millis(now))));
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

  /**
   * Removes a message's lease; the condition may name the outstanding time as {@code #outstanding}.
   */
  static Update release() {
    return new Update(
        "REMOVE #lease",
        Map.of(
            "#lease",
            MessageItems.LEASE_UNTIL,
            "#outstanding",
            MessageItems.OUTSTANDING_CREATED_TIME),
        Map.of());
  }

  /**
   * Keeps the items no lease holds at {@code now} whose topic is not among {@code excludedTopics}.
   */
  static IndexQueries.Filter claimable(Instant now, List<String> excludedTopics) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    names.put("#lease", MessageItems.LEASE_UNTIL);
    values.put(":now", MessageItems.n(Times.millis(now)));
    String expression = "(attribute_not_exists(#lease) OR #lease <= :now)";
    if (!excludedTopics.isEmpty()) {
      names.put("#topic", MessageItems.TOPIC);
      List<String> placeholders = new ArrayList<>();
      for (int i = 0; i < excludedTopics.size(); i++) {
        placeholders.add(":excluded" + i);
        values.put(":excluded" + i, MessageItems.s(excludedTopics.get(i)));
      }
      expression += " AND NOT (#topic IN (" + String.join(", ", placeholders) + "))";
    }
    return new IndexQueries.Filter(expression, names, values);
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
