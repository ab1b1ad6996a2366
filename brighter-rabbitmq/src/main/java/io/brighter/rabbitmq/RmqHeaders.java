package io.brighter.rabbitmq;

import io.brighter.messaging.wire.HeaderField;
import io.brighter.messaging.wire.WireHeaderNames;

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
   * The message id, also carried in the AMQP {@code message_id} property (read first) and {@link
   * #CLOUD_EVENTS_ID}.
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

  /** The header names of every field this transport carries as a header, for the header codec. */
  static final WireHeaderNames WIRE =
      WireHeaderNames.builder()
          .name(HeaderField.MESSAGE_TYPE, MESSAGE_TYPE)
          .name(HeaderField.TOPIC, TOPIC)
          .name(HeaderField.MESSAGE_ID, MESSAGE_ID)
          .name(HeaderField.CORRELATION_ID, CORRELATION_ID)
          .name(HeaderField.PARTITION_KEY, PARTITION_KEY)
          .name(HeaderField.DELAY, DELAY)
          .name(HeaderField.HANDLED_COUNT, HANDLED_COUNT)
          .name(HeaderField.CLOUD_EVENTS_ID, CLOUD_EVENTS_ID)
          .name(HeaderField.CLOUD_EVENTS_SPEC_VERSION, CLOUD_EVENTS_SPEC_VERSION)
          .name(HeaderField.CLOUD_EVENTS_TYPE, CLOUD_EVENTS_TYPE)
          .name(HeaderField.CLOUD_EVENTS_SOURCE, CLOUD_EVENTS_SOURCE)
          .name(HeaderField.CLOUD_EVENTS_TIME, CLOUD_EVENTS_TIME)
          .name(HeaderField.CLOUD_EVENTS_SUBJECT, CLOUD_EVENTS_SUBJECT)
          .name(HeaderField.CLOUD_EVENTS_DATA_SCHEMA, CLOUD_EVENTS_DATA_SCHEMA)
          .name(HeaderField.TRACE_PARENT, CLOUD_EVENTS_TRACE_PARENT)
          .name(HeaderField.TRACE_STATE, CLOUD_EVENTS_TRACE_STATE)
          .alias(HeaderField.TRACE_STATE, CLOUD_EVENTS_TRACE_STATE_LEGACY)
          .name(HeaderField.BAGGAGE, BAGGAGE)
          .name(HeaderField.DATA_REF, DATA_REF)
          .build();

  private RmqHeaders() {}
}
