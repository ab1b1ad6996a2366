package io.brighter.azure;

import io.brighter.messaging.wire.HeaderField;
import io.brighter.messaging.wire.WireHeaderNames;

/**
 * The application properties .NET Brighter writes on Service Bus messages. The message id, content
 * type, correlation id and reply address travel in the message's own properties as well ({@code
 * MessageId}, {@code ContentType}, {@code CorrelationId}, {@code ReplyTo}); the topic is not
 * carried, as a consumer knows the topic it subscribed to.
 */
public final class AzureServiceBusHeaderNames {

  /** The message type, {@code MT_EVENT}, {@code MT_COMMAND}... */
  public static final String MESSAGE_TYPE = "MessageType";

  /** The handled count, the delivery budget that survives requeues and restarts. */
  public static final String HANDLED_COUNT = "HandledCount";

  /** The reply address, also in the message's own {@code ReplyTo}. */
  public static final String REPLY_TO = "ReplyTo";

  /** The CloudEvents id, the message id again. */
  public static final String CLOUD_EVENTS_ID = "cloudEvents:id";

  /** The partition key. */
  public static final String PARTITION_KEY = "cloudEvents:partitionkey";

  /** The time, RFC 3339. */
  public static final String TIME = "cloudEvents:time";

  /** Every field's name, for the header codec. */
  public static final WireHeaderNames WIRE =
      WireHeaderNames.builder()
          .name(HeaderField.MESSAGE_TYPE, MESSAGE_TYPE)
          .name(HeaderField.HANDLED_COUNT, HANDLED_COUNT)
          .name(HeaderField.REPLY_TO, REPLY_TO)
          .name(HeaderField.CLOUD_EVENTS_ID, CLOUD_EVENTS_ID)
          .name(HeaderField.CLOUD_EVENTS_SOURCE, "cloudEvents:source")
          .name(HeaderField.CLOUD_EVENTS_SPEC_VERSION, "cloudEvents:specversion")
          .name(HeaderField.CLOUD_EVENTS_TYPE, "cloudEvents:type")
          .name(HeaderField.CLOUD_EVENTS_DATA_CONTENT_TYPE, "cloudEvents:contenttype")
          .name(HeaderField.CLOUD_EVENTS_DATA_SCHEMA, "cloudEvents:schema")
          .name(HeaderField.CLOUD_EVENTS_SUBJECT, "cloudEvents:subject")
          .name(HeaderField.CLOUD_EVENTS_TIME, TIME)
          .name(HeaderField.DATA_REF, "cloudEvents:dataref")
          .name(HeaderField.PARTITION_KEY, PARTITION_KEY)
          .name(HeaderField.TRACE_PARENT, "cloudevents:traceparent")
          .name(HeaderField.TRACE_STATE, "cloudevents:tracestate")
          .name(HeaderField.BAGGAGE, "cloudevents:baggage")
          .build();

  private AzureServiceBusHeaderNames() {}
}
