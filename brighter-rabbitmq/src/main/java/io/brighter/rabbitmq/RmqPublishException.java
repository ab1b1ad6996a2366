package io.brighter.rabbitmq;

import io.brighter.Id;
import java.time.Duration;

/**
 * RabbitMQ did not take a message: it refused it (a negative confirm, e.g. a full queue that
 * rejects publishes), returned it because no queue is bound to its routing key, the connection
 * dropped before it confirmed, or no confirm came in time. Transient: a message sent from the
 * outbox stays outstanding and the sweeper sends it again.
 */
public final class RmqPublishException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Id messageId;

  private RmqPublishException(Id messageId, String message, Throwable cause) {
    super(message, cause);
    this.messageId = messageId;
  }

  private RmqPublishException(Id messageId, String message) {
    super(message);
    this.messageId = messageId;
  }

  /** The broker refused message {@code id} with a negative confirm. */
  public static RmqPublishException createNacked(Id id) {
    return new RmqPublishException(id, "RabbitMQ refused message " + id + " (negative confirm)");
  }

  /**
   * The broker returned message {@code id}: published as mandatory to {@code exchange} with {@code
   * routingKey}, no queue is bound for it, so it would have been dropped.
   */
  public static RmqPublishException createUnroutable(Id id, String exchange, String routingKey) {
    return new RmqPublishException(
        id,
        "RabbitMQ returned message "
            + id
            + ": no queue is bound to routing key "
            + routingKey
            + " on exchange "
            + exchange
            + "; declare the consumers' queues (start a consumer, or declare them with your"
            + " tooling) before publishing");
  }

  /** The connection or channel closed before message {@code id} was confirmed. */
  public static RmqPublishException createConnectionLost(Id id, Throwable cause) {
    return new RmqPublishException(
        id, "RabbitMQ connection lost before message " + id + " was confirmed: " + cause, cause);
  }

  /** No confirm of message {@code id} came within {@code timeout}. */
  public static RmqPublishException createTimedOut(Id id, Duration timeout) {
    return new RmqPublishException(
        id, "RabbitMQ did not confirm message " + id + " within " + timeout.toMillis() + " ms");
  }

  /** Publishing message {@code id} failed with {@code cause}. */
  public static RmqPublishException createFailed(Id id, Throwable cause) {
    return new RmqPublishException(
        id, "Could not publish message " + id + " to RabbitMQ: " + cause, cause);
  }

  /** The message that was not taken. */
  public Id messageId() {
    return messageId;
  }
}
