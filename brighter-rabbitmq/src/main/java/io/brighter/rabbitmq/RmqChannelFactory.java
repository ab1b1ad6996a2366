package io.brighter.rabbitmq;

import static java.util.Objects.requireNonNull;

import io.brighter.messaging.ChannelFactory;
import io.brighter.messaging.DeadLetterQueue;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.Subscription;
import java.util.List;

/**
 * Makes the {@link RmqMessageConsumer}s of a subscription: each reads the subscription's {@code
 * channelName} queue, bound to its routing key, with its buffer size as the prefetch, its
 * dead-letter routing key and its {@code makeChannels}, and with this factory's {@link
 * RmqSubscription} queue settings. Performers of one subscription compete for the queue's messages,
 * each on a connection of its own.
 *
 * {@snippet :
 * Subscription subscription = Subscription.builder()
 *     .name("greetings")
 *     .channelName("greetings")
 *     .routingKey(RoutingKey.of("greeting.added"))
 *     .requestType(GreetingAdded.class)
 *     .bufferSize(10)
 *     .channelFactory(new RmqChannelFactory(connection, RmqSubscription.DEFAULT))
 *     .build();
 * }
 *
 * <p>Thread-safe.
 */
public final class RmqChannelFactory implements ChannelFactory {

  private final RmqConnection connection;
  private final RmqSubscription options;

  /** A factory of consumers with {@link RmqSubscription#DEFAULT} queue settings. */
  public RmqChannelFactory(RmqConnection connection) {
    this(connection, RmqSubscription.DEFAULT);
  }

  /** A factory of consumers whose queues have the settings {@code options}. */
  public RmqChannelFactory(RmqConnection connection, RmqSubscription options) {
    this.connection = requireNonNull(connection, "connection must not be null");
    this.options = requireNonNull(options, "options must not be null");
  }

  /** The queue settings of the consumers made here. */
  public RmqSubscription options() {
    return options;
  }

  /** The subscription's dead-letter queue, {@code <queue>.dlq} unless the options name it. */
  @Override
  public List<DeadLetterQueue> deadLetterQueues(Subscription subscription) {
    return List.of(
        new RmqDeadLetterQueue(connection, options.deadLetterQueueFor(subscription.channelName())));
  }

  @Override
  public MessageConsumer createConsumer(Subscription subscription) {
    requireNonNull(subscription, "subscription must not be null");
    return new RmqMessageConsumer(
        connection,
        options,
        subscription.routingKey(),
        subscription.channelName(),
        subscription.bufferSize(),
        subscription.deadLetterRoutingKey(),
        subscription.makeChannels());
  }
}
