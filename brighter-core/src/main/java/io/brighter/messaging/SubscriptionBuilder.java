package io.brighter.messaging;

import static io.brighter.messaging.Subscription.invalid;

import io.brighter.ConfigurationException;
import io.brighter.Request;
import java.time.Duration;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Collects the parts of a {@link Subscription}; made by {@link Subscription#builder()}. Each setter
 * states its default, which follows .NET Brighter.
 *
 * {@snippet :
 * Subscription subscription = Subscription.builder()
 *     .name("greetings")
 *     .routingKey(RoutingKey.of("greeting.added"))
 *     .requestTypes(message -> message.header().type().equals("greeting.added")
 *         ? GreetingAdded.class : GreetingRemoved.class)
 *     .channelFactory(new InMemoryChannelFactory(bus))
 *     .build();
 * }
 */
public final class SubscriptionBuilder {

  private @Nullable String name;
  private @Nullable String channelName;
  private @Nullable RoutingKey routingKey;
  private @Nullable Class<? extends Request> requestType;
  private @Nullable Function<Message, @Nullable Class<? extends Request>> requestTypes;
  private int noOfPerformers = 1;
  private int bufferSize = 1;
  private Duration timeout = Duration.ofMillis(300);
  private int requeueCount = -1;
  private Duration requeueDelay = Duration.ZERO;
  private int unacceptableMessageLimit;
  private @Nullable Duration unacceptableMessageLimitWindow;
  private MessagePumpType messagePumpType = MessagePumpType.REACTOR;
  private @Nullable ChannelFactory channelFactory;
  private OnMissingChannel makeChannels = OnMissingChannel.CREATE;
  private Duration emptyChannelDelay = Duration.ofMillis(500);
  private Duration channelFailureDelay = Duration.ofMillis(1000);
  private Duration dontAckDelay = Duration.ofMillis(1000);
  private @Nullable RoutingKey deadLetterRoutingKey;
  private UnhandledExceptionAction unhandledExceptionAction = UnhandledExceptionAction.REJECT;

  SubscriptionBuilder() {}

  /** The subscription's name, unique within a dispatcher. Required. */
  public SubscriptionBuilder name(String value) {
    this.name = value;
    return this;
  }

  /** The channel (queue) to read; the routing key's text by default. */
  public SubscriptionBuilder channelName(String value) {
    this.channelName = value;
    return this;
  }

  /** The topic the channel is bound to. Required. */
  public SubscriptionBuilder routingKey(RoutingKey value) {
    this.routingKey = value;
    return this;
  }

  /**
   * The one request type the messages carry. This or {@link #requestTypes} is required; it replaces
   * a {@code requestTypes} set before.
   */
  public SubscriptionBuilder requestType(Class<? extends Request> value) {
    this.requestType = value;
    this.requestTypes = null;
    return this;
  }

  /**
   * Chooses the request type of each message, so several types can share a channel (switch on the
   * CloudEvents {@code type}, say). A null answer makes the message unacceptable. Replaces a {@code
   * requestType} set before.
   */
  public SubscriptionBuilder requestTypes(
      Function<Message, @Nullable Class<? extends Request>> value) {
    this.requestTypes = value;
    this.requestType = null;
    return this;
  }

  /** How many pumps read the channel; 1 by default. */
  public SubscriptionBuilder noOfPerformers(int value) {
    this.noOfPerformers = value;
    return this;
  }

  /** How many messages one receive fetches, 1 to 10; 1 by default. */
  public SubscriptionBuilder bufferSize(int value) {
    this.bufferSize = value;
    return this;
  }

  /** How long one receive waits; 300 ms by default. */
  public SubscriptionBuilder timeout(Duration value) {
    this.timeout = value;
    return this;
  }

  /** Deliveries before a deferred message is dead-lettered; -1 (unlimited) by default. */
  public SubscriptionBuilder requeueCount(int value) {
    this.requeueCount = value;
    return this;
  }

  /** How long a deferred message waits; zero by default. */
  public SubscriptionBuilder requeueDelay(Duration value) {
    this.requeueDelay = value;
    return this;
  }

  /** How many unacceptable messages stop a pump; 0 (no limit) by default. */
  public SubscriptionBuilder unacceptableMessageLimit(int value) {
    this.unacceptableMessageLimit = value;
    return this;
  }

  /** After how long the unacceptable count starts again; never by default. */
  public SubscriptionBuilder unacceptableMessageLimitWindow(@Nullable Duration value) {
    this.unacceptableMessageLimitWindow = value;
    return this;
  }

  /**
   * How the pumps run handlers; {@link MessagePumpType#REACTOR} by default (.NET requires it on the
   * base subscription).
   */
  public SubscriptionBuilder messagePumpType(MessagePumpType value) {
    this.messagePumpType = value;
    return this;
  }

  /** Makes each pump's consumer. Required. */
  public SubscriptionBuilder channelFactory(ChannelFactory value) {
    this.channelFactory = value;
    return this;
  }

  /** What the factory does when the channel is missing; {@link OnMissingChannel#CREATE}. */
  public SubscriptionBuilder makeChannels(OnMissingChannel value) {
    this.makeChannels = value;
    return this;
  }

  /** How long a pump waits after an empty receive; 500 ms by default. */
  public SubscriptionBuilder emptyChannelDelay(Duration value) {
    this.emptyChannelDelay = value;
    return this;
  }

  /** How long a pump waits after the channel failed; 1 s by default. */
  public SubscriptionBuilder channelFailureDelay(Duration value) {
    this.channelFailureDelay = value;
    return this;
  }

  /** How long a pump waits after a handler asked not to acknowledge; 1 s by default. */
  public SubscriptionBuilder dontAckDelay(Duration value) {
    this.dontAckDelay = value;
    return this;
  }

  /** Where rejected messages go; {@code <routingKey>.dlq} by default. */
  public SubscriptionBuilder deadLetterRoutingKey(RoutingKey value) {
    this.deadLetterRoutingKey = value;
    return this;
  }

  /** What to do when a handler throws; {@link UnhandledExceptionAction#REJECT} by default. */
  public SubscriptionBuilder unhandledExceptionAction(UnhandledExceptionAction value) {
    this.unhandledExceptionAction = value;
    return this;
  }

  /**
   * The subscription.
   *
   * @throws ConfigurationException naming the property that is missing or out of range, e.g. {@code
   *     Subscription.channelFactory may not be null}
   */
  public Subscription build() {
    String checkedName = present(name, "name");
    RoutingKey topic = present(routingKey, "routingKey");
    Class<? extends Request> single = requestType;
    Function<Message, @Nullable Class<? extends Request>> resolver = requestTypes;
    if (single == null && resolver == null) {
      throw invalid("requestType", "or Subscription.requestTypes is required");
    }
    Function<Message, @Nullable Class<? extends Request>> types =
        single != null ? message -> single : present(resolver, "requestTypes");
    return new Subscription(
        checkedName,
        channelName != null ? channelName : topic.value(),
        topic,
        single,
        types,
        noOfPerformers,
        bufferSize,
        timeout,
        requeueCount,
        requeueDelay,
        unacceptableMessageLimit,
        unacceptableMessageLimitWindow,
        messagePumpType,
        present(channelFactory, "channelFactory"),
        makeChannels,
        emptyChannelDelay,
        channelFailureDelay,
        dontAckDelay,
        deadLetterRoutingKey != null ? deadLetterRoutingKey : RoutingKey.of(topic.value() + ".dlq"),
        unhandledExceptionAction);
  }

  private static <T> T present(@Nullable T value, String property) {
    if (value == null) {
      throw invalid(property, "may not be null");
    }
    return value;
  }
}
