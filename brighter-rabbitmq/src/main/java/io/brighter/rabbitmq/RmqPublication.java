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
 */
public record RmqPublication(Duration confirmTimeout, boolean persistent, boolean mandatory) {

  /** Persistent, mandatory messages, confirms awaited up to five seconds. */
  public static final RmqPublication DEFAULT =
      new RmqPublication(Duration.ofSeconds(5), true, true);

  /** Settings with mandatory publishing. */
  public RmqPublication(Duration confirmTimeout, boolean persistent) {
    this(confirmTimeout, persistent, true);
  }

  /** Checks the parts. */
  public RmqPublication {
    Settings.required(confirmTimeout, "RmqPublication.confirmTimeout");
    if (confirmTimeout.isNegative() || confirmTimeout.isZero()) {
      throw new ConfigurationException("RmqPublication.confirmTimeout must be positive");
    }
  }

  /** These settings with a confirm timeout of {@code value}. */
  public RmqPublication withConfirmTimeout(Duration value) {
    return new RmqPublication(value, persistent, mandatory);
  }

  /** These settings with persistent messages or not. */
  public RmqPublication withPersistent(boolean value) {
    return new RmqPublication(confirmTimeout, value, mandatory);
  }

  /**
   * These settings with mandatory publishing or not. Without it, a message published while no queue
   * is bound to its topic is confirmed, marked dispatched, and lost.
   */
  public RmqPublication withMandatory(boolean value) {
    return new RmqPublication(confirmTimeout, persistent, value);
  }
}
