package io.brighter.spring.boot;

import io.brighter.ConfigurationException;
import io.brighter.messaging.ChannelFactory;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.messaging.SubscriptionBuilder;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The core publications and subscriptions of the ones declared by properties, for every transport:
 * checks that what must be set is, then builds them, leaving out what is not set so the core
 * defaults hold.
 */
final class PropertyChannels {

  private PropertyChannels() {}

  /** Fails, naming {@code property}, unless {@code value} is set. */
  static void required(@Nullable Object value, String property) {
    if (value == null || value instanceof String text && text.isBlank()) {
      throw new ConfigurationException(property + " must be set");
    }
  }

  /** Checks the publication at {@code property} ({@code brighter.x.publications[i]}). */
  static void check(PublicationProperties settings, String property) {
    required(settings.topic(), property + ".topic");
  }

  /** Checks the subscription at {@code property} ({@code brighter.x.subscriptions[i]}). */
  static void check(SubscriptionProperties settings, String property) {
    required(settings.name(), property + ".name");
    required(settings.routingKey(), property + ".routing-key");
    required(settings.requestType(), property + ".request-type");
  }

  /** The core publication {@code settings} declare. */
  static Publication publication(PublicationProperties settings) {
    Publication.Builder publication =
        Publication.builder()
            .topic(RoutingKey.of(settings.topic()))
            .makeChannels(settings.makeChannels());
    if (settings.requestType() != null) {
      publication.requestType(settings.requestType());
    }
    return publication.build();
  }

  /** The core subscription {@code settings} declare, read through {@code channels}. */
  static Subscription subscription(SubscriptionProperties settings, ChannelFactory channels) {
    SubscriptionBuilder subscription =
        Subscription.builder()
            .name(settings.name())
            .channelName(settings.channelName() != null ? settings.channelName() : settings.name())
            .routingKey(RoutingKey.of(settings.routingKey()))
            .requestType(settings.requestType())
            .messagePumpType(settings.messagePumpType())
            .makeChannels(settings.makeChannels())
            .channelFactory(channels);
    ifSet(settings.performers(), subscription::noOfPerformers);
    ifSet(settings.bufferSize(), subscription::bufferSize);
    ifSet(settings.timeout(), subscription::timeout);
    ifSet(settings.requeueCount(), subscription::requeueCount);
    ifSet(settings.requeueDelay(), subscription::requeueDelay);
    ifSet(settings.unacceptableMessageLimit(), subscription::unacceptableMessageLimit);
    ifSet(
        settings.deadLetterRoutingKey(),
        key -> subscription.deadLetterRoutingKey(RoutingKey.of(key)));
    return subscription.build();
  }

  /** Gives {@code value} to {@code setter} when it is set; leaves the default otherwise. */
  private static <T> void ifSet(@Nullable T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }
}
