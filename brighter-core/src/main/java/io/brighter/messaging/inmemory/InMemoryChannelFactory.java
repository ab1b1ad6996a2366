package io.brighter.messaging.inmemory;

import static java.util.Objects.requireNonNull;

import io.brighter.messaging.ChannelFactory;
import io.brighter.messaging.DeadLetterQueue;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.Subscription;
import java.util.List;

/**
 * Makes {@link InMemoryMessageConsumer}s on one {@link InMemoryBus}: each reads the subscription's
 * channel name on its routing key, with its buffer size and dead-letter routing key. Performers of
 * one subscription share the channel and compete for its messages.
 *
 * {@snippet :
 * InMemoryBus bus = new InMemoryBus();
 * Subscription subscription = Subscription.builder()
 *     .name("greetings")
 *     .routingKey(RoutingKey.of("greeting.added"))
 *     .requestType(GreetingAdded.class)
 *     .channelFactory(new InMemoryChannelFactory(bus))
 *     .build();
 * }
 *
 * <p>The channel is always made when missing, whatever {@link Subscription#makeChannels()} says.
 * Thread-safe.
 */
public final class InMemoryChannelFactory implements ChannelFactory {

  private final InMemoryBus bus;

  /** A factory of consumers on {@code bus}. */
  public InMemoryChannelFactory(InMemoryBus bus) {
    this.bus = requireNonNull(bus, "bus must not be null");
  }

  /** The channel of the subscription's dead-letter routing key. */
  @Override
  public List<DeadLetterQueue> deadLetterQueues(Subscription subscription) {
    return List.of(new InMemoryDeadLetterQueue(bus, subscription.deadLetterRoutingKey()));
  }

  @Override
  public MessageConsumer createConsumer(Subscription subscription) {
    requireNonNull(subscription, "subscription must not be null");
    return new InMemoryMessageConsumer(
        bus,
        subscription.routingKey(),
        subscription.channelName(),
        subscription.bufferSize(),
        subscription.deadLetterRoutingKey());
  }
}
