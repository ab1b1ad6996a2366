package io.brighter.rabbitmq;

import io.brighter.ConfigurationException;
import io.brighter.internal.Settings;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The RabbitMQ settings of a subscription's queue, carried beside the core {@link
 * io.brighter.messaging.Subscription} by the {@link RmqChannelFactory} that makes its consumers.
 * The core subscription names the queue ({@code channelName}), its routing key, the dead-letter
 * routing key, the buffer size (which is the prefetch) and what to do when the queue is missing.
 *
 * {@snippet :
 * RmqSubscription quorum = RmqSubscription.DEFAULT
 *     .withQueueType(RmqQueueType.QUORUM)
 *     .withMaxQueueLength(100_000, RmqOverflow.REJECT_PUBLISH);
 * Subscription subscription = Subscription.builder()
 *     .name("greetings")
 *     .routingKey(RoutingKey.of("greeting.added"))
 *     .requestType(GreetingAdded.class)
 *     .channelFactory(new RmqChannelFactory(connection, quorum))
 *     .build();
 * }
 *
 * <p>With {@link io.brighter.messaging.OnMissingChannel#CREATE} a consumer declares the queue with
 * {@code x-dead-letter-exchange} and {@code x-dead-letter-routing-key} pointing at the dead-letter
 * routing key, and declares the dead-letter queue bound there.
 *
 * @param durable whether the queue survives a broker restart (quorum queues always do)
 * @param queueType classic or quorum
 * @param maxQueueLength the most messages the queue holds ({@code x-max-length}); 0 for no limit
 * @param overflow what a full queue does ({@code x-overflow})
 * @param messageTtl how long a message may wait in the queue before it is dead-lettered ({@code
 *     x-message-ttl}); null for ever
 * @param deadLetterChannelName the dead-letter queue's name; null for {@code <channelName>.dlq}
 * @param confirmTimeout how long a requeue or reject waits for the broker to confirm the copy it
 *     publishes before it acknowledges the original
 */
public record RmqSubscription(
    boolean durable,
    RmqQueueType queueType,
    int maxQueueLength,
    RmqOverflow overflow,
    @Nullable Duration messageTtl,
    @Nullable String deadLetterChannelName,
    Duration confirmTimeout) {

  /** A durable classic queue without limits. */
  public static final RmqSubscription DEFAULT =
      new RmqSubscription(
          true,
          RmqQueueType.CLASSIC,
          0,
          RmqOverflow.REJECT_PUBLISH,
          null,
          null,
          Duration.ofSeconds(5));

  /** Checks the parts. */
  public RmqSubscription {
    Settings.required(queueType, "RmqSubscription.queueType");
    Settings.required(overflow, "RmqSubscription.overflow");
    Settings.required(confirmTimeout, "RmqSubscription.confirmTimeout");
    if (maxQueueLength < 0) {
      throw new ConfigurationException("RmqSubscription.maxQueueLength must not be negative");
    }
    if (messageTtl != null && (messageTtl.isNegative() || messageTtl.isZero())) {
      throw new ConfigurationException("RmqSubscription.messageTtl must be positive");
    }
    if (queueType == RmqQueueType.QUORUM && !durable) {
      throw new ConfigurationException("RmqSubscription: a quorum queue must be durable");
    }
    if (queueType == RmqQueueType.QUORUM && overflow == RmqOverflow.REJECT_PUBLISH_DLX) {
      throw new ConfigurationException(
          "RmqSubscription: quorum queues do not support overflow reject-publish-dlx");
    }
    if (confirmTimeout.isNegative() || confirmTimeout.isZero()) {
      throw new ConfigurationException("RmqSubscription.confirmTimeout must be positive");
    }
  }

  /** These settings with a durable queue or not. */
  public RmqSubscription withDurable(boolean value) {
    return new RmqSubscription(
        value,
        queueType,
        maxQueueLength,
        overflow,
        messageTtl,
        deadLetterChannelName,
        confirmTimeout);
  }

  /** These settings with queue type {@code value}. */
  public RmqSubscription withQueueType(RmqQueueType value) {
    return new RmqSubscription(
        durable,
        value,
        maxQueueLength,
        overflow,
        messageTtl,
        deadLetterChannelName,
        confirmTimeout);
  }

  /** These settings with at most {@code length} messages, and {@code whenFull} past that. */
  public RmqSubscription withMaxQueueLength(int length, RmqOverflow whenFull) {
    return new RmqSubscription(
        durable, queueType, length, whenFull, messageTtl, deadLetterChannelName, confirmTimeout);
  }

  /** These settings with messages dead-lettered after waiting {@code value}. */
  public RmqSubscription withMessageTtl(@Nullable Duration value) {
    return new RmqSubscription(
        durable, queueType, maxQueueLength, overflow, value, deadLetterChannelName, confirmTimeout);
  }

  /** These settings with the dead-letter queue called {@code value}. */
  public RmqSubscription withDeadLetterChannelName(@Nullable String value) {
    return new RmqSubscription(
        durable, queueType, maxQueueLength, overflow, messageTtl, value, confirmTimeout);
  }

  /** These settings with a requeue and reject confirm timeout of {@code value}. */
  public RmqSubscription withConfirmTimeout(Duration value) {
    return new RmqSubscription(
        durable, queueType, maxQueueLength, overflow, messageTtl, deadLetterChannelName, value);
  }

  /** The dead-letter queue's name for the queue {@code channelName}. */
  public String deadLetterQueueFor(String channelName) {
    return deadLetterChannelName == null ? channelName + ".dlq" : deadLetterChannelName;
  }
}
