package io.brighter.aws;

import io.brighter.messaging.wire.HeaderField;
import io.brighter.messaging.wire.WireHeaderNames;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * The message attributes .NET Brighter writes on SNS and SQS, and the keys inside its two JSON
 * attributes. SQS takes at most ten attributes a message, so only a few fields are attributes of
 * their own ({@link #ATTRIBUTES}); the CloudEvents fields travel as one JSON object in {@link
 * #CLOUD_EVENT_HEADERS}, and every other header (the handled count among them) as one JSON object
 * in {@link #BAG}. Every attribute is of data type {@code String}.
 */
public final class SqsHeaderNames {

  /** The message id. */
  public static final String ID = "id";

  /** The topic: on SNS the topic's ARN, on SQS the queue's URL; read back as the name in it. */
  public static final String TOPIC = "topic";

  /** The message type, {@code MT_EVENT}, {@code MT_COMMAND}... */
  public static final String MESSAGE_TYPE = "message-type";

  /** The body's content type. */
  public static final String CONTENT_TYPE = "content-type";

  /** The message time, RFC 3339 to the millisecond. */
  public static final String TIMESTAMP = "timestamp";

  /** The correlation id, when set. */
  public static final String CORRELATION_ID = "correlation-id";

  /** The reply address, when set. */
  public static final String REPLY_TO = "reply-to";

  /** The CloudEvents subject, when set: an attribute on SQS, a CloudEvents key on SNS. */
  public static final String SUBJECT = "subject";

  /** The JSON object of the CloudEvents fields. */
  public static final String CLOUD_EVENT_HEADERS = "cloudeventheaders";

  /** The JSON object of every other header. */
  public static final String BAG = "bag";

  /** The handled count, a key of the bag, written as text. */
  public static final String HANDLED_COUNT = "handled-count";

  /**
   * The partition key, a key of the bag: on a FIFO queue or topic it is also the message group id,
   * which is where .NET Brighter reads it from.
   */
  public static final String PARTITION_KEY = "partition-key";

  /** The key of the bag a FIFO message's deduplication id is read from. */
  public static final String DEDUPLICATION_ID = "messageDeduplicationId";

  /** The attributes of their own, besides the two JSON ones. */
  public static final Set<String> ATTRIBUTES =
      Set.of(ID, TOPIC, MESSAGE_TYPE, CONTENT_TYPE, TIMESTAMP, CORRELATION_ID, REPLY_TO, SUBJECT);

  /** The keys of {@link #CLOUD_EVENT_HEADERS}, as .NET names them ({@code souce} sic). */
  public static final Set<String> CLOUD_EVENT_KEYS =
      Set.of(
          "specversion",
          "type",
          "souce",
          "time",
          "datacontenttype",
          "dataschema",
          "dataref",
          "traceparent",
          "tracestate",
          "baggage");

  /** The form .NET writes {@link #TIMESTAMP} in. */
  static final DateTimeFormatter TIMESTAMP_FORM =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT);

  /** Every field's name, for the header codec. */
  public static final WireHeaderNames WIRE =
      WireHeaderNames.builder()
          .name(HeaderField.MESSAGE_TYPE, MESSAGE_TYPE)
          .name(HeaderField.TOPIC, TOPIC)
          .name(HeaderField.MESSAGE_ID, ID)
          .timestamp(TIMESTAMP, TIMESTAMP_FORM)
          .name(HeaderField.CONTENT_TYPE, CONTENT_TYPE)
          .name(HeaderField.CORRELATION_ID, CORRELATION_ID)
          .name(HeaderField.REPLY_TO, REPLY_TO)
          .name(HeaderField.PARTITION_KEY, PARTITION_KEY)
          .name(HeaderField.HANDLED_COUNT, HANDLED_COUNT)
          .name(HeaderField.CLOUD_EVENTS_SPEC_VERSION, "specversion")
          .name(HeaderField.CLOUD_EVENTS_TYPE, "type")
          .name(HeaderField.CLOUD_EVENTS_SOURCE, "souce")
          .name(HeaderField.CLOUD_EVENTS_TIME, "time")
          .name(HeaderField.CLOUD_EVENTS_SUBJECT, SUBJECT)
          .name(HeaderField.CLOUD_EVENTS_DATA_SCHEMA, "dataschema")
          .name(HeaderField.TRACE_PARENT, "traceparent")
          .name(HeaderField.TRACE_STATE, "tracestate")
          .name(HeaderField.BAGGAGE, "baggage")
          .name(HeaderField.CLOUD_EVENTS_DATA_CONTENT_TYPE, "datacontenttype")
          .name(HeaderField.DATA_REF, "dataref")
          .build();

  private SqsHeaderNames() {}
}
