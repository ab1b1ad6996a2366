package io.brighter.rabbitmq;

import java.util.Set;

/**
 * The names of the AMQP message headers this transport writes and reads. They are .NET Brighter's
 * (its {@code RMQ.Async} gateway), so a Java service and a .NET Brighter service can exchange
 * messages over one exchange.
 *
 * <p>Besides these headers the AMQP properties carry: {@code message_id} (the message id), {@code
 * timestamp} (seconds), {@code content_type} (the header's content type), {@code type} (the body's
 * content type), {@code reply_to} and {@code delivery_mode}. Bag entries travel as headers of their
 * own name; a {@link io.brighter.messaging.MessageType} travels as {@code MT_COMMAND}, {@code
 * MT_EVENT} and so on.
 */
public final class RmqHeaders {

  /** The message type, e.g. {@code MT_EVENT}. */
  public static final String MESSAGE_TYPE = "MessageType";

  /**
   * The message id's header name in .NET Brighter. Like .NET Brighter, this transport carries the
   * id in the AMQP {@code message_id} property (and {@link #CLOUD_EVENTS_ID}), not in this header.
   */
  public static final String MESSAGE_ID = "MessageId";

  /** The correlation id. */
  public static final String CORRELATION_ID = "CorrelationId";

  /** The topic the message was published to. */
  public static final String TOPIC = "Topic";

  /** How many times consumers handled and requeued the message. */
  public static final String HANDLED_COUNT = "HandledCount";

  /** The delay the message was sent with, in milliseconds. */
  public static final String DELAY = "x-delay";

  /** The partition key (the name .NET Brighter's Kafka gateway uses). */
  public static final String PARTITION_KEY = "PartitionKey";

  /** A claim-check reference to a payload held elsewhere. */
  public static final String DATA_REF = "dataref";

  /** CloudEvents {@code id}. */
  public static final String CLOUD_EVENTS_ID = "cloudEvents_id";

  /** CloudEvents {@code specversion}. */
  public static final String CLOUD_EVENTS_SPEC_VERSION = "cloudEvents_specversion";

  /** CloudEvents {@code type}. */
  public static final String CLOUD_EVENTS_TYPE = "cloudEvents_type";

  /** CloudEvents {@code time}, RFC 3339. */
  public static final String CLOUD_EVENTS_TIME = "cloudEvents_time";

  /** CloudEvents {@code subject}. */
  public static final String CLOUD_EVENTS_SUBJECT = "cloudEvents_subject";

  /** CloudEvents {@code dataschema}. */
  public static final String CLOUD_EVENTS_DATA_SCHEMA = "cloudEvents_dataschema";

  /** CloudEvents {@code source}. */
  public static final String CLOUD_EVENTS_SOURCE = "cloudEvents_source";

  /** W3C {@code traceparent}. */
  public static final String CLOUD_EVENTS_TRACE_PARENT = "cloudEvents_traceparent";

  /** W3C {@code tracestate}. */
  public static final String CLOUD_EVENTS_TRACE_STATE = "cloudevents_tracestate";

  /**
   * W3C {@code tracestate} under the name older .NET Brighter versions used; written beside {@link
   * #CLOUD_EVENTS_TRACE_STATE} and read when that is missing.
   */
  public static final String CLOUD_EVENTS_TRACE_STATE_LEGACY = "cloudevents_:tracestate";

  /** W3C {@code baggage}. */
  public static final String BAGGAGE = "baggage";

  /** The headers that carry header fields, so never copied to or from the bag. */
  static final Set<String> RESERVED =
      Set.of(
          MESSAGE_TYPE,
          MESSAGE_ID,
          CORRELATION_ID,
          TOPIC,
          HANDLED_COUNT,
          DELAY,
          PARTITION_KEY,
          DATA_REF,
          CLOUD_EVENTS_ID,
          CLOUD_EVENTS_SPEC_VERSION,
          CLOUD_EVENTS_TYPE,
          CLOUD_EVENTS_TIME,
          CLOUD_EVENTS_SUBJECT,
          CLOUD_EVENTS_DATA_SCHEMA,
          CLOUD_EVENTS_SOURCE,
          CLOUD_EVENTS_TRACE_PARENT,
          CLOUD_EVENTS_TRACE_STATE,
          CLOUD_EVENTS_TRACE_STATE_LEGACY,
          BAGGAGE);

  private RmqHeaders() {}
}
