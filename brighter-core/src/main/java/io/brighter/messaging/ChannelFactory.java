package io.brighter.messaging;

import java.util.List;

/**
 * Makes the consumer a message pump reads from, one per performer of a subscription. Each transport
 * supplies one (for example {@link io.brighter.messaging.inmemory.InMemoryChannelFactory}).
 *
 * {@snippet :
 * Subscription subscription = Subscription.builder()
 *     .name("greetings")
 *     .routingKey(RoutingKey.of("greeting.added"))
 *     .requestType(GreetingAdded.class)
 *     .channelFactory(new InMemoryChannelFactory(bus))
 *     .build();
 * }
 *
 * <p>Called from the dispatcher's thread each time a pump starts; must be thread-safe. A factory
 * makes the channel (queue, binding) when the subscription's {@link Subscription#makeChannels()}
 * says so, and throws {@link io.brighter.ConfigurationException} when it must exist and does not.
 */
@FunctionalInterface
public interface ChannelFactory {

  /**
   * A new consumer of {@code subscription}'s channel, receiving up to its buffer size at a time and
   * dead-lettering to its dead-letter routing key.
   */
  MessageConsumer createConsumer(Subscription subscription);

  /**
   * The dead-letter queues {@code subscription}'s consumers reject into, for operators: its
   * dead-letter channel and, where the transport has one, its invalid-message channel. None by
   * default, for a transport that does not offer them.
   *
   * @since 0.2
   */
  default List<DeadLetterQueue> deadLetterQueues(Subscription subscription) {
    return List.of();
  }
}
