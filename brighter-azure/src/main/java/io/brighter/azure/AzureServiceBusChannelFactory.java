package io.brighter.azure;

import static java.util.Objects.requireNonNull;

import io.brighter.messaging.ChannelFactory;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.Subscription;

/**
 * Makes {@link AzureServiceBusMessageConsumer}s for a dispatcher's subscriptions, all with one
 * configuration and one set of Service Bus settings.
 *
 * {@snippet :
 * var factory = new AzureServiceBusChannelFactory(bus, AzureServiceBusSubscription.DEFAULT);
 * }
 */
public final class AzureServiceBusChannelFactory implements ChannelFactory {

  private final AzureServiceBusConfiguration configuration;
  private final AzureServiceBusSubscription options;

  /** A factory of consumers on {@code configuration} with {@code options}. */
  public AzureServiceBusChannelFactory(
      AzureServiceBusConfiguration configuration, AzureServiceBusSubscription options) {
    this.configuration = requireNonNull(configuration, "configuration must not be null");
    this.options = requireNonNull(options, "options must not be null");
  }

  @Override
  public MessageConsumer createConsumer(Subscription subscription) {
    requireNonNull(subscription, "subscription must not be null");
    return new AzureServiceBusMessageConsumer(
        configuration,
        options,
        subscription.routingKey(),
        subscription.channelName(),
        subscription.bufferSize(),
        subscription.deadLetterRoutingKey(),
        subscription.makeChannels());
  }
}
