package io.brighter.spring.boot;

import io.brighter.Request;
import io.brighter.messaging.MessagePumpType;
import io.brighter.messaging.OnMissingChannel;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a subscription declared by properties sets, whatever its transport; what is left out takes
 * the defaults of {@link io.brighter.messaging.Subscription}.
 */
public interface SubscriptionProperties {

  /** The subscription's name. */
  String name();

  /** The channel's (queue's, group's, subscription's) name; the name when not set. */
  @Nullable String channelName();

  /** The routing key read. */
  String routingKey();

  /** The request type the messages map to. */
  Class<? extends Request> requestType();

  /** What to do when the channel is missing. */
  OnMissingChannel makeChannels();

  /** Reactor (blocking handlers) or proactor (asynchronous handlers). */
  MessagePumpType messagePumpType();

  /** The number of pumps reading the channel. */
  @Nullable Integer performers();

  /** Messages a receive returns. */
  @Nullable Integer bufferSize();

  /** How long a receive waits for a message. */
  @Nullable Duration timeout();

  /** How many times a message may be requeued before it is dead-lettered; -1 for no limit. */
  @Nullable Integer requeueCount();

  /** The delay of a requeue. */
  @Nullable Duration requeueDelay();

  /** Unacceptable messages before the pump stops; 0 for no limit. */
  @Nullable Integer unacceptableMessageLimit();

  /** The dead-letter routing key. */
  @Nullable String deadLetterRoutingKey();
}
