package io.brighter.aws;

import static java.util.Objects.requireNonNull;

import io.brighter.messaging.ChannelFactory;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.Subscription;

/**
 * Makes an {@link SqsMessageConsumer} for each pump of a subscription, on one {@link AwsConnection}
 * with one set of {@link SqsSubscription} settings.
 *
 * {@snippet :
 * Subscription subscription = Subscription.builder()
 *     .name("greetings").channelName("greetings").routingKey(RoutingKey.of("greeting.added"))
 *     .requestType(GreetingAdded.class)
 *     .channelFactory(new SqsChannelFactory(aws, SqsSubscription.DEFAULT))
 *     .build();
 * }
 */
public final class SqsChannelFactory implements ChannelFactory {

  private final AwsConnection connection;
  private final SqsSubscription options;

  /** A factory of consumers on {@code connection} with {@code options}. */
  public SqsChannelFactory(AwsConnection connection, SqsSubscription options) {
    this.connection = requireNonNull(connection, "connection must not be null");
    this.options = requireNonNull(options, "options must not be null");
  }

  @Override
  public MessageConsumer createConsumer(Subscription subscription) {
    requireNonNull(subscription, "subscription must not be null");
    return new SqsMessageConsumer(
        connection,
        options,
        subscription.routingKey(),
        subscription.channelName(),
        subscription.bufferSize(),
        subscription.deadLetterRoutingKey(),
        subscription.makeChannels());
  }
}
