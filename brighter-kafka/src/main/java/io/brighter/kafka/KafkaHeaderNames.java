package io.brighter.kafka;

import java.util.Set;

/**
 * The names of the Kafka record headers Brighter writes and reads, the same as .NET Brighter's
 * Kafka transport so that Java and .NET services exchange messages. Every value is UTF-8 text.
 *
 * <p>Values: {@link #MESSAGE_TYPE} is {@code MT_COMMAND}, {@code MT_EVENT}, {@code MT_DOCUMENT} and
 * so on; {@link #HANDLED_COUNT} and {@link #DELAYED_MILLISECONDS} are decimal integers; {@link
 * #TIMESTAMP} is the UTC time as {@code MM/dd/yyyy HH:mm:ss} (the invariant-culture form .NET
 * writes) and {@link #CLOUD_EVENTS_TIME} the same instant in RFC 3339 with full precision. Every
 * other entry of a message header's bag travels as a header of its own name.
 */
public final class KafkaHeaderNames {

  /** The message type: {@code MT_COMMAND}, {@code MT_EVENT}, {@code MT_DOCUMENT}... */
  public static final String MESSAGE_TYPE = "MessageType";

  /** The message id. */
  public static final String MESSAGE_ID = "MessageId";

  /** The correlation id, when there is one. */
  public static final String CORRELATION_ID = "CorrelationId";

  /** The topic the message was published to. */
  public static final String TOPIC = "Topic";

  /** When the message was made, to the second, as {@code MM/dd/yyyy HH:mm:ss} UTC. */
  public static final String TIMESTAMP = "TimeStamp";

  /** How many times consumers have handled the message. */
  public static final String HANDLED_COUNT = "HandledCount";

  /** The delivery delay in milliseconds. */
  public static final String DELAYED_MILLISECONDS = "x-delay";

  /** The partition key; also the record key. */
  public static final String PARTITION_KEY = "PartitionKey";

  /** Where replies go, when anywhere. */
  public static final String REPLY_TO = "ReplyTo";

  /** The body's content type (Brighter's name). */
  public static final String CONTENT_TYPE = "ContentType";

  /** CloudEvents {@code id}: the message id again. */
  public static final String CLOUD_EVENTS_ID = "ce_id";

  /** CloudEvents {@code specversion}. */
  public static final String CLOUD_EVENTS_SPEC_VERSION = "ce_specversion";

  /** CloudEvents {@code type}. */
  public static final String CLOUD_EVENTS_TYPE = "ce_type";

  /** CloudEvents {@code source}. */
  public static final String CLOUD_EVENTS_SOURCE = "ce_source";

  /** CloudEvents {@code time}, RFC 3339. */
  public static final String CLOUD_EVENTS_TIME = "ce_time";

  /** CloudEvents {@code subject}, when set. */
  public static final String CLOUD_EVENTS_SUBJECT = "ce_subject";

  /** CloudEvents {@code dataschema}, when set. */
  public static final String CLOUD_EVENTS_DATA_SCHEMA = "ce_dataschema";

  /** CloudEvents {@code datacontenttype} in the Kafka binding: the body's content type. */
  public static final String CLOUD_EVENTS_DATA_CONTENT_TYPE = "content-type";

  /** W3C {@code traceparent}, when traced. */
  public static final String TRACE_PARENT = "ce_traceparent";

  /** W3C {@code tracestate}, when set. */
  public static final String TRACE_STATE = "ce_tracestate";

  /** W3C {@code baggage}, when set. */
  public static final String BAGGAGE = "baggage";

  /** On a rejected message: the topic it was read from. */
  public static final String ORIGINAL_TOPIC = "OriginalTopic";

  /** On a rejected message: its message type. */
  public static final String ORIGINAL_TYPE = "OriginalType";

  /** On a rejected message: when it was rejected, ISO-8601 UTC. */
  public static final String REJECTION_TIMESTAMP = "RejectionTimestamp";

  /**
   * The bag entry, never sent, that tells a consumer which record a received message came from:
   * {@code topic [[partition]] @offset}.
   */
  public static final String PARTITION_OFFSET = "TopicPartitionOffset";

  /** The headers that are header fields, not bag entries: read into fields, never into the bag. */
  public static final Set<String> RESERVED =
      Set.of(
          MESSAGE_TYPE,
          MESSAGE_ID,
          CORRELATION_ID,
          TOPIC,
          TIMESTAMP,
          HANDLED_COUNT,
          DELAYED_MILLISECONDS,
          PARTITION_KEY,
          REPLY_TO,
          CONTENT_TYPE,
          CLOUD_EVENTS_ID,
          CLOUD_EVENTS_SPEC_VERSION,
          CLOUD_EVENTS_TYPE,
          CLOUD_EVENTS_SOURCE,
          CLOUD_EVENTS_TIME,
          CLOUD_EVENTS_SUBJECT,
          CLOUD_EVENTS_DATA_SCHEMA,
          CLOUD_EVENTS_DATA_CONTENT_TYPE,
          TRACE_PARENT,
          TRACE_STATE,
          BAGGAGE,
          PARTITION_OFFSET);

  private KafkaHeaderNames() {}
}
