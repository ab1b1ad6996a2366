package io.brighter.messaging.transforms;

/**
 * How {@link CloudEvents} carries the CloudEvents attributes.
 *
 * {@snippet :
 * @CloudEvents(step = 0, format = CloudEventsFormat.JSON)
 * }
 */
public enum CloudEventsFormat {
  /** Binary mode: attributes in the message header, the body as it is. */
  BINARY,
  /** Structured mode: the body becomes a CloudEvents JSON envelope holding attributes and data. */
  JSON
}
