package io.brighter.rabbitmq;

import io.brighter.ConfigurationException;
import io.brighter.internal.Settings;
import java.time.Duration;

/**
 * The RabbitMQ settings of one publication, carried beside the core {@link
 * io.brighter.messaging.Publication} (which says the topic and what to do when it is missing).
 *
 * {@snippet :
 * var producer = new RmqMessageProducer(connection, publication,
 *     RmqPublication.DEFAULT.withConfirmTimeout(Duration.ofSeconds(2)));
 * }
 *
 * @param confirmTimeout how long {@link RmqMessageProducer#send} waits for the broker's confirm
 *     when no confirmation listener is registered
 * @param persistent whether messages are written to disk (delivery mode 2) so a durable queue keeps
 *     them across a broker restart
 * @param mandatory whether messages are published as mandatory, so the broker returns one that no
 *     queue is bound for and it stays in the outbox, instead of confirming it and dropping it
 * @param maxMessageBytes the largest message, body and headers, the broker takes: its {@code
 *     max_message_size}, {@value #DEFAULT_MAX_MESSAGE_BYTES} bytes (16 MiB) by default as in
 *     RabbitMQ 4 (RabbitMQ 3.8 to 3.13 take 128 MiB); the outbox refuses a larger message when it
 *     is deposited
 */
public record RmqPublication(
    Duration confirmTimeout, boolean persistent, boolean mandatory, long maxMessageBytes) {

  /** RabbitMQ 4's default {@code max_message_size}: 16 MiB. */
  public static final long DEFAULT_MAX_MESSAGE_BYTES = 16L * 1024 * 1024;

  /** Persistent, mandatory messages up to 16 MiB, confirms awaited up to five seconds. */
  public static final RmqPublication DEFAULT =
      new RmqPublication(Duration.ofSeconds(5), true, true, DEFAULT_MAX_MESSAGE_BYTES);

  /** Settings with mandatory publishing, messages up to 16 MiB. */
  public RmqPublication(Duration confirmTimeout, boolean persistent) {
    this(confirmTimeout, persistent, true);
  }

  /** Settings with messages up to 16 MiB. */
  public RmqPublication(Duration confirmTimeout, boolean persistent, boolean mandatory) {
    this(confirmTimeout, persistent, mandatory, DEFAULT_MAX_MESSAGE_BYTES);
  }

  /** Checks the parts. */
  public RmqPublication {
    Settings.required(confirmTimeout, "RmqPublication.confirmTimeout");
    if (confirmTimeout.isNegative() || confirmTimeout.isZero()) {
      throw new ConfigurationException("RmqPublication.confirmTimeout must be positive");
    }
    if (maxMessageBytes <= 0) {
      throw new ConfigurationException(
          "RmqPublication.maxMessageBytes must be positive: " + maxMessageBytes);
    }
  }

  /** These settings with a confirm timeout of {@code value}. */
  public RmqPublication withConfirmTimeout(Duration value) {
    return new RmqPublication(value, persistent, mandatory, maxMessageBytes);
  }

  /** These settings with persistent messages or not. */
  public RmqPublication withPersistent(boolean value) {
    return new RmqPublication(confirmTimeout, value, mandatory, maxMessageBytes);
  }

  /**
   * These settings with mandatory publishing or not. Without it, a message published while no queue
   * is bound to its topic is confirmed, marked dispatched, and lost.
   */
  public RmqPublication withMandatory(boolean value) {
    return new RmqPublication(confirmTimeout, persistent, value, maxMessageBytes);
  }

  /** These settings for a broker whose {@code max_message_size} is {@code value} bytes. */
  public RmqPublication withMaxMessageBytes(long value) {
    return new RmqPublication(confirmTimeout, persistent, mandatory, value);
  }
}
