package io.brighter.dynamodb;

import io.brighter.Id;
import io.brighter.internal.StoredJson;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.wire.WireMessageType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes a message as an outbox item and reads it back. Attribute names follow .NET Brighter's
 * DynamoDB outbox where it has one; see docs/dynamodb-outbox.md for the whole item.
 */
final class MessageItems {

  static final String MESSAGE_ID = "MessageId";
  static final String TOPIC = "Topic";
  static final String TOPIC_SHARD = "TopicShard";
  static final String SHARD = "Shard";
  static final String CREATED_AT = "CreatedAt";
  static final String CREATED_TIME = "CreatedTime";
  static final String OUTSTANDING_CREATED_TIME = "OutstandingCreatedTime";
  static final String DELIVERED_AT = "DeliveredAt";
  static final String DELIVERY_TIME = "DeliveryTime";
  static final String EXPIRES_AT = "ExpiresAt";
  static final String LEASE_UNTIL = "LeaseUntil";
  static final String CAUSATION_ID = "CausationId";
  static final String DUE_AT = "DueAt";

  /** .NET Brighter writes message types as {@code MT_EVENT}; so does this store. */
  private MessageItems() {}

  /** The item for {@code message}, outstanding, in {@code shard}. */
  static Map<String, AttributeValue> toItem(Message message, int shard) {
    MessageHeader header = message.header();
    long created = Times.millis(header.timestamp());
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(MESSAGE_ID, s(header.messageId().value()));
    item.put(TOPIC, s(header.topic().value()));
    item.put(SHARD, n(shard));
    item.put(TOPIC_SHARD, s(topicShard(header.topic(), shard)));
    item.put("MessageType", s(WireMessageType.write(header.messageType())));
    item.put(CREATED_AT, s(header.timestamp().toString()));
    item.put(CREATED_TIME, n(created));
    item.put(OUTSTANDING_CREATED_TIME, n(created));
    item.put("HandledCount", n(header.handledCount()));
    item.put("DelayedMilliseconds", n(header.delay().toMillis()));
    item.put("ContentType", s(header.contentType()));
    item.put("HeaderBag", s(StoredJson.bagToJson(header.bag())));
    item.put("Body", AttributeValue.fromB(SdkBytes.fromByteArray(message.body().bytes())));
    item.put("Source", s(header.source().toString()));
    item.put("Type", s(header.type()));
    item.put("SpecVersion", s(header.specVersion()));
    putIfPresent(
        item,
        "CorrelationId",
        header.correlationId() == null ? null : header.correlationId().value());
    putIfPresent(item, "ReplyTo", header.replyTo() == null ? null : header.replyTo().value());
    putIfPresent(item, "PartitionKey", header.partitionKey());
    putIfPresent(
        item, "DataSchema", header.dataSchema() == null ? null : header.dataSchema().toString());
    putIfPresent(item, "Subject", header.subject());
    putIfPresent(item, "DataRef", header.dataRef());
    putIfPresent(item, "TraceParent", header.traceParent());
    putIfPresent(item, "TraceState", header.traceState());
    putIfPresent(item, "Baggage", header.baggage());
    Object causationId = header.bag().get(HeaderNames.CAUSATION_ID);
    if (causationId != null && !causationId.toString().isEmpty()) {
      // an index key: DynamoDB refuses an empty string there, so a blank id is left out
      item.put(CAUSATION_ID, s(causationId.toString()));
    }
    return item;
  }

  /**
   * The item for {@code message} scheduled for {@code dueAt}, in {@code shard}: its outstanding
   * time is the due time, so the outstanding indexes reach it only then.
   */
  static Map<String, AttributeValue> toScheduledItem(Message message, int shard, Instant dueAt) {
    Map<String, AttributeValue> item = toItem(message, shard);
    item.put(OUTSTANDING_CREATED_TIME, n(Times.millis(dueAt)));
    item.put(DUE_AT, n(Times.millis(dueAt)));
    return item;
  }

  /** The message stored in {@code item}. */
  static Message toMessage(Map<String, AttributeValue> item) {
    Id id = Id.of(text(item, MESSAGE_ID, ""));
    String contentType = text(item, "ContentType", MessageBody.JSON);
    MessageHeader.Builder header =
        MessageHeader.builder(id, RoutingKey.of(text(item, TOPIC, "")), messageType(item))
            .timestamp(timestamp(item))
            .handledCount((int) number(item, "HandledCount"))
            .delay(Duration.ofMillis(number(item, "DelayedMilliseconds")))
            .contentType(contentType)
            .partitionKey(optional(item, "PartitionKey"))
            .bag(StoredJson.bagFromJson(optional(item, "HeaderBag")))
            .source(URI.create(text(item, "Source", MessageHeader.DEFAULT_SOURCE.toString())))
            .type(text(item, "Type", MessageHeader.DEFAULT_TYPE))
            .specVersion(text(item, "SpecVersion", MessageHeader.SPEC_VERSION))
            .subject(optional(item, "Subject"))
            .dataRef(optional(item, "DataRef"))
            .traceParent(optional(item, "TraceParent"))
            .traceState(optional(item, "TraceState"))
            .baggage(optional(item, "Baggage"));
    String correlationId = optional(item, "CorrelationId");
    if (correlationId != null && !correlationId.isBlank()) {
      header.correlationId(Id.of(correlationId));
    }
    String replyTo = optional(item, "ReplyTo");
    if (replyTo != null && !replyTo.isBlank()) {
      header.replyTo(RoutingKey.of(replyTo));
    }
    String dataSchema = optional(item, "DataSchema");
    if (dataSchema != null && !dataSchema.isBlank()) {
      header.dataSchema(URI.create(dataSchema));
    }
    AttributeValue body = item.get("Body");
    byte[] bytes = body == null || body.b() == null ? new byte[0] : body.b().asByteArray();
    return new Message(header.build(), new MessageBody(bytes, contentType));
  }

  /** The {@code TopicShard} value: the topic and the shard number, as .NET Brighter writes it. */
  static String topicShard(RoutingKey topic, int shard) {
    return topic.value() + "_" + shard;
  }

  /** The key of the item of {@code id}. */
  static Map<String, AttributeValue> key(Id id) {
    return Map.of(MESSAGE_ID, s(id.value()));
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private static void putIfPresent(
      Map<String, AttributeValue> item, String name, @Nullable String value) {
    if (value != null) {
      item.put(name, s(value));
    }
  }

  private static Instant timestamp(Map<String, AttributeValue> item) {
    String createdAt = optional(item, CREATED_AT);
    if (createdAt != null) {
      return Instant.parse(createdAt);
    }
    return Instant.ofEpochMilli(number(item, CREATED_TIME));
  }

  private static MessageType messageType(Map<String, AttributeValue> item) {
    return WireMessageType.readOrNone(optional(item, "MessageType"));
  }

  private static @Nullable String optional(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  private static String text(Map<String, AttributeValue> item, String name, String fallback) {
    String value = optional(item, name);
    return value == null ? fallback : value;
  }

  private static long number(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? 0L : Long.parseLong(value.n());
  }
}
