package io.brighter.controlbus;

import static java.util.Objects.requireNonNull;

import io.brighter.CommandProcessor;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.internal.Settings;
import io.brighter.messaging.ChannelFactory;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherBuilder;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A service's control-bus receiver: a dispatcher of its own that reads two channels named after the
 * service instance, {@code <host>.configuration} for {@link ConfigurationCommand}s, which stop and
 * start the application dispatcher's subscriptions, and {@code <host>.heartbeat} for {@link
 * HeartbeatRequest}s, answered with a {@link HeartbeatReply} of the application dispatcher's
 * consumers through {@code replies}. Stopping every application subscription leaves the control bus
 * running, so it can start them again. Works over any transport: give it that transport's channel
 * factory, and a producer of it for the replies (it sends each to the request's reply address).
 *
 * {@snippet :
 * ControlBus controlBus = ControlBus.builder()
 *     .hostName("greetings-1")
 *     .dispatcher(applicationDispatcher)
 *     .channelFactory(new RmqChannelFactory(connection))
 *     .replies(new RmqMessageProducer(connection, Publication.builder()
 *         .topic(RoutingKey.of("greetings-1.replies")).build()))
 *     .build();
 * controlBus.start();
 * }
 *
 * <p>An operator reaches it through a command processor with a producer for each of {@link
 * #publications(String)}: {@code post(ConfigurationCommand.stopChannel("greetings"))}, and {@code
 * call(HeartbeatRequest.now(), timeout)} with reply channels. The channels are the service's
 * controls: on a shared broker, keep who may publish to them to operators.
 */
public final class ControlBus implements AutoCloseable {

  private final Dispatcher dispatcher;

  private ControlBus(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  /** A builder of a control bus. */
  public static Builder builder() {
    return new Builder();
  }

  /** The routing key of {@code hostName}'s configuration commands. */
  public static RoutingKey configurationTopic(String hostName) {
    return RoutingKey.of(Settings.required(hostName, "hostName") + ".configuration");
  }

  /** The routing key of {@code hostName}'s heartbeat requests. */
  public static RoutingKey heartbeatTopic(String hostName) {
    return RoutingKey.of(Settings.required(hostName, "hostName") + ".heartbeat");
  }

  /**
   * The publications an operator's command processor needs to reach {@code hostName}'s control bus:
   * configuration commands and heartbeat requests.
   */
  public static List<Publication> publications(String hostName) {
    return List.of(
        Publication.builder()
            .topic(configurationTopic(hostName))
            .requestType(ConfigurationCommand.class)
            .build(),
        Publication.builder()
            .topic(heartbeatTopic(hostName))
            .requestType(HeartbeatRequest.class)
            .build());
  }

  /** Starts reading the control channels, and waits until their consumers are made. */
  public void start() {
    dispatcher.start();
  }

  /** Stops reading them, gracefully. */
  public void stop() {
    dispatcher.stop();
  }

  /** The control bus's own dispatcher, for its state and health. */
  public Dispatcher dispatcher() {
    return dispatcher;
  }

  /** As {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /** Builds a {@link ControlBus}. */
  public static final class Builder {
    private @Nullable String hostName;
    private @Nullable Dispatcher application;
    private @Nullable ChannelFactory channels;
    private @Nullable MessageProducer replies;
    private Duration timeout = Duration.ofMillis(500);

    private Builder() {}

    /** The service instance's name, which names its control channels. Required. */
    public Builder hostName(String value) {
      this.hostName = value;
      return this;
    }

    /** The application dispatcher the commands steer and the heartbeat reports. Required. */
    public Builder dispatcher(Dispatcher value) {
      this.application = value;
      return this;
    }

    /** Makes the consumers of the control channels. Required. */
    public Builder channelFactory(ChannelFactory value) {
      this.channels = value;
      return this;
    }

    /**
     * Sends heartbeat replies; each goes to its request's reply address, whatever the producer's
     * own topic. Required.
     */
    public Builder replies(MessageProducer value) {
      this.replies = value;
      return this;
    }

    /** How long a receive on a control channel waits; half a second unless set. */
    public Builder timeout(Duration value) {
      this.timeout = requireNonNull(value, "timeout must not be null");
      return this;
    }

    /** The control bus, not started. */
    public ControlBus build() {
      String host = Settings.required(hostName, "ControlBus.hostName");
      Dispatcher steered = Settings.required(application, "ControlBus.dispatcher");
      ChannelFactory factory = Settings.required(channels, "ControlBus.channelFactory");
      MessageProducer replyProducer = Settings.required(replies, "ControlBus.replies");
      SubscriberRegistry registry =
          new SubscriberRegistry()
              .register(ConfigurationCommand.class, ConfigurationCommandHandler.class)
              .register(HeartbeatRequest.class, HeartbeatRequestHandler.class);
      SimpleHandlerFactory handlers =
          new SimpleHandlerFactory()
              .register(
                  ConfigurationCommandHandler.class, () -> new ConfigurationCommandHandler(steered))
              .register(
                  HeartbeatRequestHandler.class,
                  () -> new HeartbeatRequestHandler(steered, host, replyProducer));
      Dispatcher own =
          new DispatcherBuilder()
              .commandProcessor(CommandProcessor.builder().handlers(registry, handlers).build())
              .mappers(new MessageMapperRegistry())
              .subscriptions(
                  List.of(
                      subscription(configurationTopic(host), ConfigurationCommand.class, factory),
                      subscription(heartbeatTopic(host), HeartbeatRequest.class, factory)))
              .build();
      return new ControlBus(own);
    }

    private Subscription subscription(
        RoutingKey topic, Class<? extends io.brighter.Request> type, ChannelFactory factory) {
      return Subscription.builder()
          .name(topic.value())
          .channelName(topic.value())
          .routingKey(topic)
          .requestType(type)
          .timeout(timeout)
          .requeueCount(0)
          .channelFactory(factory)
          .build();
    }
  }
}
