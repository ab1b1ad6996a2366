package io.brighter.rabbitmq;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
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
 */
public record RmqPublication(Duration confirmTimeout, boolean persistent) {

  /** Persistent messages, confirms awaited up to five seconds. */
  public static final RmqPublication DEFAULT = new RmqPublication(Duration.ofSeconds(5), true);

  /** Checks the parts. */
  public RmqPublication {
    requireNonNull(confirmTimeout, "RmqPublication.confirmTimeout may not be null");
    if (confirmTimeout.isNegative() || confirmTimeout.isZero()) {
      throw new ConfigurationException("RmqPublication.confirmTimeout must be positive");
    }
  }

  /** These settings with a confirm timeout of {@code value}. */
  public RmqPublication withConfirmTimeout(Duration value) {
    return new RmqPublication(value, persistent);
  }

  /** These settings with persistent messages or not. */
  public RmqPublication withPersistent(boolean value) {
    return new RmqPublication(confirmTimeout, value);
  }
}
