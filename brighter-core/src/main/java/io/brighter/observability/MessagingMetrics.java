package io.brighter.observability;

import io.brighter.Id;
import io.brighter.messaging.Message;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import java.time.Duration;

/**
 * Told of each message sent and each message a pump settles, so that a metrics library can count
 * and time them. The core records nothing itself; {@code brighter-micrometer} implements this with
 * Micrometer. Every method defaults to doing nothing, and {@link #NONE} is the default everywhere.
 *
 * <p>Methods are called on the sending or pumping thread, once per message: they must be quick. One
 * that throws is logged and ignored.
 */
public interface MessagingMetrics {

  /** Records nothing. */
  MessagingMetrics NONE = new MessagingMetrics() {};

  /**
   * {@code metrics} made safe to call from a send or a pump: a call that throws is logged instead
   * of failing the caller. {@link #NONE} stays itself. The builders apply it to what they are
   * given.
   */
  static MessagingMetrics guarded(MessagingMetrics metrics) {
    return metrics == NONE || metrics instanceof GuardedMessagingMetrics
        ? metrics
        : new GuardedMessagingMetrics(metrics);
  }

  /** Whether these metrics record anything, so callers can skip measuring for {@link #NONE}. */
  default boolean records() {
    return this != NONE;
  }

  /** How a pump settled a message. */
  enum Settlement {
    /**
     * Handled and acknowledged (or acknowledged by the subscription's unhandled-exception rule).
     */
    ACKNOWLEDGED,
    /** Given back to the channel to be delivered again. */
    REQUEUED,
    /** Rejected to the dead-letter channel: unacceptable, or rejected by its handler. */
    REJECTED,
    /** Rejected to the dead-letter channel because its delivery budget was spent. */
    DEAD_LETTERED
  }

  /** {@code message} was handed to the producer of {@code topic}. */
  default void sent(RoutingKey topic, Message message) {}

  /** The producer of {@code topic} failed to send {@code message}; it stays outstanding. */
  default void sendFailed(RoutingKey topic, Message message) {}

  /**
   * The broker did not take message {@code messageId} that the producer of {@code topic} had sent:
   * it refused it, returned it as unroutable, or the connection was lost before it confirmed. The
   * message stays outstanding for the sweeper.
   *
   * @since 0.2
   */
  default void deliveryFailed(RoutingKey topic, Id messageId) {}

  /** A pump of {@code subscription} settled {@code message} as {@code settlement}. */
  default void settled(Subscription subscription, Message message, Settlement settlement) {}

  /** A pump of {@code subscription} spent {@code duration} mapping, handling and settling. */
  default void processed(Subscription subscription, Message message, Duration duration) {}

  /**
   * A pump of {@code subscription} died of {@code cause} (its status is {@code ERROR}); the
   * dispatcher starts another after a back-off.
   *
   * @since 0.2
   */
  default void pumpFailed(Subscription subscription, Throwable cause) {}
}
