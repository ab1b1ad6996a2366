package io.brighter.messaging.wire;

/**
 * A field of a {@link io.brighter.messaging.MessageHeader} that a transport carries as a header of
 * its own, in the order {@link HeaderCodec#write} writes them. A transport names the fields it
 * carries in headers in its {@link WireHeaderNames}; fields it carries elsewhere (an AMQP property,
 * a record key) it leaves out.
 */
public enum HeaderField {
  /** The message type, as {@link WireMessageType} writes it. */
  MESSAGE_TYPE,
  /** The topic. */
  TOPIC,
  /** The message id. */
  MESSAGE_ID,
  /** The time the message was made, in the names table's own text form. */
  TIMESTAMP,
  /** The body's content type. */
  CONTENT_TYPE,
  /** The correlation id. */
  CORRELATION_ID,
  /** The partition key. */
  PARTITION_KEY,
  /** Where replies go. */
  REPLY_TO,
  /** The delay, in milliseconds; written only when not zero. */
  DELAY,
  /** How many times the message was handled and requeued. */
  HANDLED_COUNT,
  /** CloudEvents {@code id}: the message id again. */
  CLOUD_EVENTS_ID,
  /** CloudEvents {@code specversion}. */
  CLOUD_EVENTS_SPEC_VERSION,
  /** CloudEvents {@code type}. */
  CLOUD_EVENTS_TYPE,
  /** CloudEvents {@code source}. */
  CLOUD_EVENTS_SOURCE,
  /** CloudEvents {@code time}, RFC 3339. */
  CLOUD_EVENTS_TIME,
  /** CloudEvents {@code subject}. */
  CLOUD_EVENTS_SUBJECT,
  /** CloudEvents {@code dataschema}. */
  CLOUD_EVENTS_DATA_SCHEMA,
  /** W3C {@code traceparent}. */
  TRACE_PARENT,
  /** W3C {@code tracestate}. */
  TRACE_STATE,
  /** W3C {@code baggage}. */
  BAGGAGE,
  /** CloudEvents {@code datacontenttype}: the body's content type again. */
  CLOUD_EVENTS_DATA_CONTENT_TYPE,
  /** A claim-check reference to a payload held elsewhere. */
  DATA_REF
}
