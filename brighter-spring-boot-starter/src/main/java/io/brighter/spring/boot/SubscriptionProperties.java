package io.brighter.spring.boot;

import io.brighter.Request;
import io.brighter.messaging.MessagePumpType;
import io.brighter.messaging.OnMissingChannel;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a subscription declared by properties sets, whatever its transport; what is left out (null,
 * as the defaults here are) takes the defaults of {@link io.brighter.messaging.Subscription}.
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

  /** What to do when the channel is missing; create it unless set. */
  default OnMissingChannel makeChannels() {
    return OnMissingChannel.CREATE;
  }

  /** Reactor (blocking handlers) or proactor (asynchronous handlers). */
  MessagePumpType messagePumpType();

  /** The number of pumps reading the channel. */
  @Nullable Integer performers();

  /** Messages a receive returns. */
  default @Nullable Integer bufferSize() {
    return null;
  }

  /** How long a receive waits for a message. */
  default @Nullable Duration timeout() {
    return null;
  }

  /** How many times a message may be requeued before it is dead-lettered; -1 for no limit. */
  default @Nullable Integer requeueCount() {
    return null;
  }

  /** The delay of a requeue. */
  default @Nullable Duration requeueDelay() {
    return null;
  }

  /** Unacceptable messages before the pump stops; 0 for no limit. */
  default @Nullable Integer unacceptableMessageLimit() {
    return null;
  }

  /** The dead-letter routing key. */
  default @Nullable String deadLetterRoutingKey() {
    return null;
  }
}
