package io.brighter.messaging;

/**
 * What a message carries, which decides how a consumer dispatches it.
 *
 * <ul>
 *   <li>{@link #COMMAND}: a command, sent to its one handler.
 *   <li>{@link #EVENT}: an event, published to every handler.
 *   <li>{@link #DOCUMENT}: a document (state transfer), published like an event.
 *   <li>{@link #QUIT}: tells a message pump to stop.
 *   <li>{@link #NONE}: no message: what an outbox returns for an unknown id, or a consumer for an
 *       empty receive.
 *   <li>{@link #UNACCEPTABLE}: a message that could not be read from the transport.
 * </ul>
 */
public enum MessageType {
  /** A command for one handler. */
  COMMAND,
  /** An event for any number of handlers. */
  EVENT,
  /** A document, handled like an event. */
  DOCUMENT,
  /** A request for a message pump to stop. */
  QUIT,
  /** The absence of a message. */
  NONE,
  /** A message that could not be read. */
  UNACCEPTABLE
}
