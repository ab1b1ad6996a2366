package io.brighter.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.controlbus.ConfigurationCommand;
import io.brighter.controlbus.ControlBus;
import io.brighter.controlbus.HeartbeatReply;
import io.brighter.controlbus.HeartbeatRequest;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.serviceactivator.ConsumerState;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherBuilder;
import io.brighter.serviceactivator.MessagePumpStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The control bus on the loopback RabbitMQ: a configuration command sent by an operator's command
 * processor stops a subscription of the service and another starts it again, and a heartbeat
 * request is answered, over the broker, with the service's consumers.
 */
class ControlBusRabbitMqIT {

  record Greeted(Id id, String name) implements Event {}

  static final class GreetedHandler extends RequestHandler<Greeted> {}

  private final String host = "control-" + Id.random().value().substring(0, 8);
  private final String queue = host + "-greeted";
  private final RmqConnection connection = Broker.connection();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final Dispatcher application =
      new DispatcherBuilder()
          .commandProcessor(
              CommandProcessor.builder()
                  .handlers(
                      new SubscriberRegistry().register(Greeted.class, GreetedHandler.class),
                      new SimpleHandlerFactory())
                  .build())
          .mappers(new MessageMapperRegistry())
          .subscriptions(
              List.of(
                  Subscription.builder()
                      .name("greeted")
                      .channelName(queue)
                      .routingKey(RoutingKey.of(queue))
                      .requestType(Greeted.class)
                      .timeout(Duration.ofMillis(100))
                      .channelFactory(
                          new RmqChannelFactory(
                              connection, RmqSubscription.DEFAULT.withDurable(false)))
                      .build()))
          .build();
  private final ControlBus controlBus =
      ControlBus.builder()
          .hostName(host)
          .dispatcher(application)
          .channelFactory(
              new RmqChannelFactory(connection, RmqSubscription.DEFAULT.withDurable(false)))
          .replies(
              closed(
                  new RmqMessageProducer(
                      connection,
                      Publication.builder().topic(RoutingKey.of(host + ".replies")).build())))
          .timeout(Duration.ofMillis(100))
          .build();

  private <T extends AutoCloseable> T closed(T resource) {
    closing.add(resource);
    return resource;
  }

  private CommandProcessor operator() {
    List<MessageProducer> producers =
        ControlBus.publications(host).stream()
            .map(
                publication ->
                    (MessageProducer) closed(new RmqMessageProducer(connection, publication)))
            .toList();
    return CommandProcessor.builder()
        .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
        .externalBus(
            ExternalBusConfiguration.builder().producers(ProducerRegistry.of(producers)).build())
        .replyChannels(
            replyTo ->
                new RmqMessageConsumer(
                    connection,
                    RmqSubscription.DEFAULT.withDurable(false),
                    replyTo,
                    replyTo.value(),
                    1,
                    RoutingKey.of(replyTo.value() + ".dlq"),
                    OnMissingChannel.CREATE))
        .build();
  }

  private long running() {
    return application.state().stream().filter(ConsumerState::running).count();
  }

  @AfterEach
  void stop() throws Exception {
    controlBus.stop();
    application.stop();
    for (AutoCloseable resource : closing) {
      resource.close();
    }
    Broker.deleteQueues(
        List.of(
            queue,
            ControlBus.configurationTopic(host).value(),
            ControlBus.heartbeatTopic(host).value()));
  }

  @Test
  void an_operator_stops_and_starts_a_subscription_and_asks_for_a_heartbeat() {
    application.start();
    controlBus.start();
    CommandProcessor operator = operator();

    operator.post(ConfigurationCommand.stopChannel("greeted"));
    await().atMost(Duration.ofSeconds(20)).until(() -> running() == 0);

    HeartbeatReply stopped = operator.call(HeartbeatRequest.now(), Duration.ofSeconds(10));
    assertThat(stopped).isNotNull();
    assertThat(stopped.hostName()).isEqualTo(host);
    assertThat(stopped.consumers())
        .extracting(HeartbeatReply.RunningConsumer::status)
        .containsOnly(MessagePumpStatus.STOPPED);

    operator.post(ConfigurationCommand.startChannel("greeted"));
    await().atMost(Duration.ofSeconds(20)).until(() -> running() == 1);

    HeartbeatReply started = operator.call(HeartbeatRequest.now(), Duration.ofSeconds(10));
    assertThat(started).isNotNull();
    assertThat(started.consumers())
        .filteredOn(consumer -> consumer.status() == MessagePumpStatus.STARTED)
        .singleElement()
        .satisfies(consumer -> assertThat(consumer.subscriptionName()).isEqualTo("greeted"));
  }
}
