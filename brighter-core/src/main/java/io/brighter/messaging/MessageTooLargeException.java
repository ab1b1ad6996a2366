package io.brighter.messaging;

import io.brighter.NonTransientException;

/**
 * A message larger than its producer's broker takes ({@link MessageProducer#maxMessageBytes()}),
 * refused when it is deposited in the outbox (headers larger than the broker takes in headers are
 * refused when the message is sent): nothing is stored, and the caller's transaction sees the
 * failure. Sending it again fails the same way; make the message smaller (a claim check keeps a
 * large body out of the message) or raise the broker's limit.
 */
public class MessageTooLargeException extends NonTransientException {

  private static final long serialVersionUID = 1L;

  /** Message {@code id} for {@code topic} is about {@code bytes} long, more than {@code limit}. */
  public MessageTooLargeException(String id, RoutingKey topic, long bytes, long limit) {
    super(
        "Message "
            + id
            + " for "
            + topic
            + " is about "
            + bytes
            + " bytes with its headers; its producer takes at most "
            + limit
            + ". Keep a large body out of the message with the claim-check transform (@ClaimCheck"
            + " on the mapper), or raise the broker's limit",
        null);
  }

  private MessageTooLargeException(String text) {
    super(text, null);
  }

  /**
   * Message {@code id} for {@code topic} has headers of about {@code bytes}, more than the {@code
   * limit} its broker takes in headers (on RabbitMQ, one frame).
   *
   * @since 0.2
   */
  public static MessageTooLargeException headers(
      String id, RoutingKey topic, long bytes, long limit) {
    return new MessageTooLargeException(
        "Message "
            + id
            + " for "
            + topic
            + " has headers of about "
            + bytes
            + " bytes; its broker takes at most "
            + limit
            + " bytes of headers. Move large values into the body (or a claim check)");
  }
}
