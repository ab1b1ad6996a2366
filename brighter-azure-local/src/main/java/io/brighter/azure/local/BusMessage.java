package io.brighter.azure.local;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One message as an entity of the front holds it: the AMQP message its sender encoded, and what the
 * broker adds (sequence number, enqueue time, delivery count, lock, dead-letter reason). Guarded by
 * the {@link ServiceBusNamespace}'s lock.
 */
final class BusMessage {

  final byte[] encoded;
  final @Nullable String messageId;
  final @Nullable String sessionId;
  final long sequenceNumber;
  Instant enqueuedAt;
  int deliveryCount;
  @Nullable Instant scheduledFor;
  @Nullable UUID lockToken;
  Instant lockedUntil = Instant.EPOCH;
  @Nullable String deadLetterReason;
  @Nullable String deadLetterDescription;
  @Nullable String deadLetterSource;

  /** Application properties a receiver set when it abandoned, deferred or dead-lettered it. */
  final Map<String, Object> modifiedProperties = new LinkedHashMap<>();

  BusMessage(
      byte[] encoded,
      @Nullable String messageId,
      @Nullable String sessionId,
      long sequenceNumber,
      Instant enqueuedAt) {
    this.encoded = encoded;
    this.messageId = messageId;
    this.sessionId = sessionId;
    this.sequenceNumber = sequenceNumber;
    this.enqueuedAt = enqueuedAt;
  }

  /** A copy for another entity (a topic's subscription, a dead-letter sub-queue). */
  BusMessage copy(long sequenceNumber, Instant enqueuedAt) {
    BusMessage copy = new BusMessage(encoded, messageId, sessionId, sequenceNumber, enqueuedAt);
    copy.deliveryCount = deliveryCount;
    copy.deadLetterReason = deadLetterReason;
    copy.deadLetterDescription = deadLetterDescription;
    copy.deadLetterSource = deadLetterSource;
    copy.modifiedProperties.putAll(modifiedProperties);
    return copy;
  }
}
