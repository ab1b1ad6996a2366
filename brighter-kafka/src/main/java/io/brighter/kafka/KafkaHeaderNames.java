package io.brighter.kafka;

import io.brighter.messaging.wire.HeaderField;
import io.brighter.messaging.wire.WireHeaderNames;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The names of the Kafka record headers Brighter writes and reads, the same as .NET Brighter's
 * Kafka transport so that Java and .NET services exchange messages. Every value is UTF-8 text.
 *
 * <p>Values: {@link #MESSAGE_TYPE} is {@code MT_COMMAND}, {@code MT_EVENT}, {@code MT_DOCUMENT} and
 * so on; {@link #HANDLED_COUNT} and {@link #DELAYED_MILLISECONDS} are decimal integers; {@link
 * #TIMESTAMP} is the UTC time as {@code MM/dd/yyyy HH:mm:ss} (the invariant-culture form .NET
 * writes) and {@link #CLOUD_EVENTS_TIME} the same instant in RFC 3339 with full precision. Every
 * other entry of a message header's bag travels as a header of its own name. Dead-letter copies
 * carry the rejection headers every transport adds ({@link
 * io.brighter.messaging.wire.RejectionHeaders}).
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

  /** A claim-check reference to a payload held elsewhere, when set. */
  public static final String DATA_REF = "dataref";

  /** The invariant-culture form .NET writes {@link #TIMESTAMP} in. */
  static final DateTimeFormatter TIMESTAMP_FORM =
      DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT);

  /** Every field's header name, for the header codec, in .NET Brighter's order. */
  public static final WireHeaderNames WIRE =
      WireHeaderNames.builder()
          .name(HeaderField.MESSAGE_TYPE, MESSAGE_TYPE)
          .name(HeaderField.TOPIC, TOPIC)
          .name(HeaderField.MESSAGE_ID, MESSAGE_ID)
          .timestamp(TIMESTAMP, TIMESTAMP_FORM)
          .name(HeaderField.CONTENT_TYPE, CONTENT_TYPE)
          .name(HeaderField.CORRELATION_ID, CORRELATION_ID)
          .name(HeaderField.PARTITION_KEY, PARTITION_KEY)
          .name(HeaderField.REPLY_TO, REPLY_TO)
          .name(HeaderField.DELAY, DELAYED_MILLISECONDS)
          .name(HeaderField.HANDLED_COUNT, HANDLED_COUNT)
          .name(HeaderField.CLOUD_EVENTS_ID, CLOUD_EVENTS_ID)
          .name(HeaderField.CLOUD_EVENTS_SPEC_VERSION, CLOUD_EVENTS_SPEC_VERSION)
          .name(HeaderField.CLOUD_EVENTS_TYPE, CLOUD_EVENTS_TYPE)
          .name(HeaderField.CLOUD_EVENTS_SOURCE, CLOUD_EVENTS_SOURCE)
          .name(HeaderField.CLOUD_EVENTS_TIME, CLOUD_EVENTS_TIME)
          .name(HeaderField.CLOUD_EVENTS_SUBJECT, CLOUD_EVENTS_SUBJECT)
          .name(HeaderField.CLOUD_EVENTS_DATA_SCHEMA, CLOUD_EVENTS_DATA_SCHEMA)
          .name(HeaderField.TRACE_PARENT, TRACE_PARENT)
          .name(HeaderField.TRACE_STATE, TRACE_STATE)
          .name(HeaderField.BAGGAGE, BAGGAGE)
          .name(HeaderField.CLOUD_EVENTS_DATA_CONTENT_TYPE, CLOUD_EVENTS_DATA_CONTENT_TYPE)
          .name(HeaderField.DATA_REF, DATA_REF)
          .build();

  private KafkaHeaderNames() {}
}
