package io.brighter.messaging;

import io.brighter.ConfigurationException;
import io.brighter.Request;
import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What a service consumes and how: the channel to read, the request type its messages carry, how
 * many message pumps (performers) read it, and how the pumps requeue, reject and wait. The
 * dispatcher runs {@link #noOfPerformers()} pumps per subscription, each with its own consumer from
 * {@link #channelFactory()}.
 *
 * {@snippet :
 * Subscription subscription = Subscription.builder()
 *     .name("greetings")
 *     .routingKey(RoutingKey.of("greeting.added"))
 *     .requestType(GreetingAdded.class)
 *     .channelFactory(new InMemoryChannelFactory(bus))
 *     .noOfPerformers(2)
 *     .requeueCount(3)
 *     .build();
 * }
 *
 * <p>Defaults follow .NET Brighter, see {@link SubscriptionBuilder}. Two differences: {@link
 * #messagePumpType()} defaults to {@link MessagePumpType#REACTOR} instead of being required, and
 * {@link #unhandledExceptionAction()} defaults to {@link UnhandledExceptionAction#REJECT} instead
 * of acknowledging.
 *
 * @param name the subscription's name, unique within a dispatcher
 * @param channelName the channel (queue) to read; by default the routing key's text
 * @param routingKey the topic the channel is bound to
 * @param requestType the one request type the messages carry, or null when {@code requestTypes}
 *     decides per message
 * @param requestTypes the request type of each message; the constant {@code requestType} when that
 *     is given
 * @param noOfPerformers how many pumps read the channel, at least 0
 * @param bufferSize how many messages one receive fetches, 1 to 10
 * @param timeout how long one receive waits for a message
 * @param requeueCount how many deliveries a message gets before it is dead-lettered; -1 for
 *     unlimited
 * @param requeueDelay how long a deferred message waits before redelivery, unless it asks for a
 *     delay
 * @param unacceptableMessageLimit how many unacceptable messages stop a pump; 0 for no limit
 * @param unacceptableMessageLimitWindow after how long the unacceptable count starts again; null
 *     for never
 * @param messagePumpType how the pumps run handlers
 * @param channelFactory makes each pump's consumer
 * @param makeChannels what the channel factory does when the channel is missing
 * @param emptyChannelDelay how long a pump waits after an empty receive
 * @param channelFailureDelay how long a pump waits after a {@link ChannelFailureException}
 * @param dontAckDelay how long a pump waits after a handler asked not to acknowledge a message
 * @param deadLetterRoutingKey where rejected messages go; by default {@code <routingKey>.dlq}
 * @param unhandledExceptionAction what to do with a message whose handler threw
 */
public record Subscription(
    String name,
    String channelName,
    RoutingKey routingKey,
    @Nullable Class<? extends Request> requestType,
    Function<Message, @Nullable Class<? extends Request>> requestTypes,
    int noOfPerformers,
    int bufferSize,
    Duration timeout,
    int requeueCount,
    Duration requeueDelay,
    int unacceptableMessageLimit,
    @Nullable Duration unacceptableMessageLimitWindow,
    MessagePumpType messagePumpType,
    ChannelFactory channelFactory,
    OnMissingChannel makeChannels,
    Duration emptyChannelDelay,
    Duration channelFailureDelay,
    Duration dontAckDelay,
    RoutingKey deadLetterRoutingKey,
    UnhandledExceptionAction unhandledExceptionAction) {

  /** The most messages one receive may fetch. */
  public static final int MAX_BUFFER_SIZE = 10;

  /**
   * Checks every part.
   *
   * @throws ConfigurationException naming the property, e.g. {@code Subscription.bufferSize}
   */
  public Subscription {
    notBlank(name, "name");
    notBlank(channelName, "channelName");
    required(routingKey, "routingKey");
    required(requestTypes, "requestTypes");
    if (noOfPerformers < 0) {
      throw invalid("noOfPerformers", "must not be negative: " + noOfPerformers);
    }
    if (bufferSize < 1 || bufferSize > MAX_BUFFER_SIZE) {
      throw invalid("bufferSize", "must be 1 to " + MAX_BUFFER_SIZE + ": " + bufferSize);
    }
    notNegative(timeout, "timeout");
    if (requeueCount < -1) {
      throw invalid("requeueCount", "must be -1 (unlimited) or more: " + requeueCount);
    }
    notNegative(requeueDelay, "requeueDelay");
    if (unacceptableMessageLimit < 0) {
      throw invalid("unacceptableMessageLimit", "must not be negative");
    }
    if (unacceptableMessageLimitWindow != null) {
      notNegative(unacceptableMessageLimitWindow, "unacceptableMessageLimitWindow");
    }
    required(messagePumpType, "messagePumpType");
    required(channelFactory, "channelFactory");
    required(makeChannels, "makeChannels");
    notNegative(emptyChannelDelay, "emptyChannelDelay");
    if (timeout != null
        && timeout.isZero()
        && emptyChannelDelay != null
        && emptyChannelDelay.isZero()) {
      throw invalid(
          "emptyChannelDelay",
          "must be positive when Subscription.timeout is zero, or an idle channel keeps a pump"
              + " polling without a pause");
    }
    required(channelFailureDelay, "channelFailureDelay");
    if (!channelFailureDelay.isPositive()) {
      throw invalid(
          "channelFailureDelay",
          "must be positive, or a pump retries a failed channel without a pause: "
              + channelFailureDelay);
    }
    notNegative(dontAckDelay, "dontAckDelay");
    required(deadLetterRoutingKey, "deadLetterRoutingKey");
    required(unhandledExceptionAction, "unhandledExceptionAction");
  }

  /** A builder; {@code name}, {@code routingKey}, a request type and the factory are required. */
  public static SubscriptionBuilder builder() {
    return new SubscriptionBuilder();
  }

  /**
   * The request type {@code message} carries.
   *
   * @throws ConfigurationException when the subscription cannot tell
   */
  public Class<? extends Request> requestTypeFor(Message message) {
    Class<? extends Request> type = requestTypes.apply(message);
    if (type == null) {
      throw new ConfigurationException(
          "Subscription " + name + " has no request type for message " + message.id());
    }
    return type;
  }

  /** This subscription with {@code count} performers. */
  public Subscription withNoOfPerformers(int count) {
    return new Subscription(
        name,
        channelName,
        routingKey,
        requestType,
        requestTypes,
        count,
        bufferSize,
        timeout,
        requeueCount,
        requeueDelay,
        unacceptableMessageLimit,
        unacceptableMessageLimitWindow,
        messagePumpType,
        channelFactory,
        makeChannels,
        emptyChannelDelay,
        channelFailureDelay,
        dontAckDelay,
        deadLetterRoutingKey,
        unhandledExceptionAction);
  }

  static void required(@Nullable Object value, String property) {
    if (value == null) {
      throw invalid(property, "may not be null");
    }
  }

  private static void notBlank(@Nullable String value, String property) {
    required(value, property);
    if (value != null && value.isBlank()) {
      throw invalid(property, "may not be blank");
    }
  }

  private static void notNegative(@Nullable Duration value, String property) {
    required(value, property);
    if (value != null && value.isNegative()) {
      throw invalid(property, "must not be negative: " + value);
    }
  }

  static ConfigurationException invalid(String property, String problem) {
    return new ConfigurationException("Subscription." + property + " " + problem);
  }
}
