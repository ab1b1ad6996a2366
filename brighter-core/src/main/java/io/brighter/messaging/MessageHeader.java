package io.brighter.messaging;

import static java.util.Objects.requireNonNull;

import io.brighter.Id;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything about a message but its payload: identity, routing, type, delivery bookkeeping, the
 * CloudEvents attributes and the W3C trace context. Immutable; make one with {@link #builder} and
 * change it with the {@code with…} copies.
 *
 * {@snippet :
 * MessageHeader header = MessageHeader.builder(Id.random(), RoutingKey.of("greeting.added"),
 *         MessageType.EVENT)
 *     .correlationId(command.id())
 *     .partitionKey("ada")
 *     .build();
 * MessageHeader redelivered = header.withHandledCount(header.handledCount() + 1);
 * }
 *
 * @param messageId the message's identity; an outbox and an inbox key on it
 * @param topic where the message is published
 * @param messageType what the message carries
 * @param timestamp when the message was made
 * @param handledCount how many times a consumer has handled (and requeued) it
 * @param delay how long delivery was or should be delayed
 * @param correlationId the request this message answers or belongs with, if any
 * @param replyTo where a reply should go, if anywhere
 * @param contentType the body's MIME type
 * @param partitionKey orders messages on transports that partition (Kafka key, SQS group id)
 * @param bag further headers, carried on the wire; values are strings, numbers or booleans
 * @param source CloudEvents {@code source}: who produced the message
 * @param type CloudEvents {@code type}: what kind of message it is
 * @param specVersion CloudEvents {@code specversion}
 * @param dataSchema CloudEvents {@code dataschema}, if any
 * @param subject CloudEvents {@code subject}, if any
 * @param dataRef a claim-check reference to a payload held elsewhere, if any
 * @param traceParent W3C {@code traceparent}, if traced
 * @param traceState W3C {@code tracestate}, if any
 * @param baggage W3C {@code baggage}, if any
 */
public record MessageHeader(
    Id messageId,
    RoutingKey topic,
    MessageType messageType,
    Instant timestamp,
    int handledCount,
    Duration delay,
    @Nullable Id correlationId,
    @Nullable RoutingKey replyTo,
    String contentType,
    @Nullable String partitionKey,
    Map<String, Object> bag,
    URI source,
    String type,
    String specVersion,
    @Nullable URI dataSchema,
    @Nullable String subject,
    @Nullable String dataRef,
    @Nullable String traceParent,
    @Nullable String traceState,
    @Nullable String baggage) {

  /** The CloudEvents source used when a publication sets none. */
  public static final URI DEFAULT_SOURCE = URI.create("http://goparamore.io");

  /** The CloudEvents type used when a publication sets none. */
  public static final String DEFAULT_TYPE = "goparamore.io.Paramore.Brighter.Message";

  /** The CloudEvents specification version written. */
  public static final String SPEC_VERSION = "1.0";

  /** Checks required parts and copies the bag. */
  public MessageHeader {
    requireNonNull(messageId, "messageId must not be null");
    requireNonNull(topic, "topic must not be null");
    requireNonNull(messageType, "messageType must not be null");
    requireNonNull(timestamp, "timestamp must not be null");
    requireNonNull(delay, "delay must not be null");
    requireNonNull(contentType, "contentType must not be null");
    requireNonNull(bag, "bag must not be null");
    requireNonNull(source, "source must not be null");
    requireNonNull(type, "type must not be null");
    requireNonNull(specVersion, "specVersion must not be null");
    if (handledCount < 0) {
      throw new IllegalArgumentException("handledCount must not be negative: " + handledCount);
    }
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    bag = Map.copyOf(bag);
  }

  /** A builder for a header with the three parts every message needs. */
  public static Builder builder(Id messageId, RoutingKey topic, MessageType messageType) {
    return new Builder(messageId, topic, messageType);
  }

  /** A builder starting from this header's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** This header with {@code handledCount}. */
  public MessageHeader withHandledCount(int count) {
    return toBuilder().handledCount(count).build();
  }

  /** This header with {@code delay}. */
  public MessageHeader withDelay(Duration newDelay) {
    return toBuilder().delay(newDelay).build();
  }

  /** This header with {@code topic}. */
  public MessageHeader withTopic(RoutingKey newTopic) {
    return toBuilder().topic(newTopic).build();
  }

  /** This header with one more bag entry (or a replaced one). */
  public MessageHeader withBagEntry(String key, Object value) {
    return toBuilder().bagEntry(key, value).build();
  }

  /** Collects the parts of a {@link MessageHeader}. */
  public static final class Builder {
    private Id messageId;
    private RoutingKey topic;
    private MessageType messageType;
    private @Nullable Instant timestamp; // now, when build() finds none set
    private int handledCount;
    private Duration delay = Duration.ZERO;
    private @Nullable Id correlationId;
    private @Nullable RoutingKey replyTo;
    private String contentType = MessageBody.JSON;
    private @Nullable String partitionKey;
    private final Map<String, Object> bag = new HashMap<>();
    private URI source = DEFAULT_SOURCE;
    private String type = DEFAULT_TYPE;
    private String specVersion = SPEC_VERSION;
    private @Nullable URI dataSchema;
    private @Nullable String subject;
    private @Nullable String dataRef;
    private @Nullable String traceParent;
    private @Nullable String traceState;
    private @Nullable String baggage;

    private Builder(Id messageId, RoutingKey topic, MessageType messageType) {
      this.messageId = messageId;
      this.topic = topic;
      this.messageType = messageType;
    }

    private Builder(MessageHeader header) {
      this(header.messageId, header.topic, header.messageType);
      timestamp = header.timestamp;
      handledCount = header.handledCount;
      delay = header.delay;
      correlationId = header.correlationId;
      replyTo = header.replyTo;
      contentType = header.contentType;
      partitionKey = header.partitionKey;
      bag.putAll(header.bag);
      source = header.source;
      type = header.type;
      specVersion = header.specVersion;
      dataSchema = header.dataSchema;
      subject = header.subject;
      dataRef = header.dataRef;
      traceParent = header.traceParent;
      traceState = header.traceState;
      baggage = header.baggage;
    }

    /** Sets the message id. */
    public Builder messageId(Id value) {
      this.messageId = value;
      return this;
    }

    /** Sets the topic. */
    public Builder topic(RoutingKey value) {
      this.topic = value;
      return this;
    }

    /** Sets the message type. */
    public Builder messageType(MessageType value) {
      this.messageType = value;
      return this;
    }

    /** Sets when the message was made; now by default. */
    public Builder timestamp(Instant value) {
      this.timestamp = value;
      return this;
    }

    /** Sets how many times the message was handled; 0 by default. */
    public Builder handledCount(int value) {
      this.handledCount = value;
      return this;
    }

    /** Sets the delivery delay; none by default. */
    public Builder delay(Duration value) {
      this.delay = value;
      return this;
    }

    /** Sets the correlation id. */
    public Builder correlationId(@Nullable Id value) {
      this.correlationId = value;
      return this;
    }

    /** Sets where replies go. */
    public Builder replyTo(@Nullable RoutingKey value) {
      this.replyTo = value;
      return this;
    }

    /** Sets the body's content type; {@code application/json} by default. */
    public Builder contentType(String value) {
      this.contentType = value;
      return this;
    }

    /** Sets the partition key. */
    public Builder partitionKey(@Nullable String value) {
      this.partitionKey = value;
      return this;
    }

    /** Adds or replaces one bag entry. */
    public Builder bagEntry(String key, Object value) {
      bag.put(requireNonNull(key, "key must not be null"), requireNonNull(value, key));
      return this;
    }

    /** Adds or replaces every entry of {@code entries}. */
    public Builder bag(Map<String, ?> entries) {
      entries.forEach(this::bagEntry);
      return this;
    }

    /** Removes one bag entry. */
    public Builder removeBagEntry(String key) {
      bag.remove(key);
      return this;
    }

    /** Sets the CloudEvents source. */
    public Builder source(URI value) {
      this.source = value;
      return this;
    }

    /** Sets the CloudEvents type. */
    public Builder type(String value) {
      this.type = value;
      return this;
    }

    /** Sets the CloudEvents specification version. */
    public Builder specVersion(String value) {
      this.specVersion = value;
      return this;
    }

    /** Sets the CloudEvents data schema. */
    public Builder dataSchema(@Nullable URI value) {
      this.dataSchema = value;
      return this;
    }

    /** Sets the CloudEvents subject. */
    public Builder subject(@Nullable String value) {
      this.subject = value;
      return this;
    }

    /** Sets the claim-check reference. */
    public Builder dataRef(@Nullable String value) {
      this.dataRef = value;
      return this;
    }

    /** Sets the W3C trace parent. */
    public Builder traceParent(@Nullable String value) {
      this.traceParent = value;
      return this;
    }

    /** Sets the W3C trace state. */
    public Builder traceState(@Nullable String value) {
      this.traceState = value;
      return this;
    }

    /** Sets the W3C baggage. */
    public Builder baggage(@Nullable String value) {
      this.baggage = value;
      return this;
    }

    /** The header. */
    public MessageHeader build() {
      return new MessageHeader(
          messageId,
          topic,
          messageType,
          timestamp != null ? timestamp : Instant.now(),
          handledCount,
          delay,
          correlationId,
          replyTo,
          contentType,
          partitionKey,
          bag,
          source,
          type,
          specVersion,
          dataSchema,
          subject,
          dataRef,
          traceParent,
          traceState,
          baggage);
    }
  }
}
