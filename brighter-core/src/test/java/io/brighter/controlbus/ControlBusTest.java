package io.brighter.controlbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryChannelFactory;
import io.brighter.messaging.inmemory.InMemoryMessageConsumer;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import io.brighter.serviceactivator.ConsumerState;
import io.brighter.serviceactivator.Dispatcher;
import io.brighter.serviceactivator.DispatcherBuilder;
import io.brighter.serviceactivator.DispatcherHealth;
import io.brighter.serviceactivator.MessagePumpStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The control bus on the in-memory bus: configuration commands stop and start the application
 * dispatcher's subscriptions, a heartbeat request is answered with its consumers, and the node
 * status tells the dispatcher's health.
 */
class ControlBusTest {

  record Greeted(Id id, String name) implements Event {}

  static final class GreetedHandler extends RequestHandler<Greeted> {}

  private static final String HOST = "greetings-1";

  private final InMemoryBus bus = new InMemoryBus();
  private final Dispatcher application = application();
  private final ControlBus controlBus =
      ControlBus.builder()
          .hostName(HOST)
          .dispatcher(application)
          .channelFactory(new InMemoryChannelFactory(bus))
          .replies(producer(RoutingKey.of(HOST + ".replies"), HeartbeatReply.class))
          .timeout(Duration.ofMillis(50))
          .build();
  private final CommandProcessor operator =
      CommandProcessor.builder()
          .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
          .externalBus(
              ExternalBusConfiguration.builder()
                  .producers(
                      ProducerRegistry.of(
                          ControlBus.publications(HOST).stream()
                              .map(
                                  publication ->
                                      (MessageProducer)
                                          new InMemoryMessageProducer(bus, publication))
                              .toList()))
                  .build())
          .replyChannels(replyTo -> new InMemoryMessageConsumer(bus, replyTo))
          .build();

  private MessageProducer producer(RoutingKey topic, Class<? extends io.brighter.Request> type) {
    return new InMemoryMessageProducer(
        bus, Publication.builder().topic(topic).requestType(type).build());
  }

  private Dispatcher application() {
    return new DispatcherBuilder()
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
                    .routingKey(RoutingKey.of("greeted"))
                    .requestType(Greeted.class)
                    .noOfPerformers(2)
                    .timeout(Duration.ofMillis(50))
                    .channelFactory(new InMemoryChannelFactory(bus))
                    .build()))
        .build();
  }

  private long running() {
    return application.state().stream().filter(ConsumerState::running).count();
  }

  @AfterEach
  void stop() {
    controlBus.stop();
    application.stop();
  }

  @Test
  void a_stop_command_shuts_a_subscription_and_a_start_command_opens_it_again() {
    application.start();
    controlBus.start();

    operator.post(ConfigurationCommand.stopChannel("greeted"));
    await().atMost(Duration.ofSeconds(10)).until(() -> running() == 0);
    assertThat(application.state())
        .extracting(ConsumerState::status)
        .containsOnly(MessagePumpStatus.STOPPED);

    operator.post(ConfigurationCommand.startChannel("greeted"));
    await().atMost(Duration.ofSeconds(10)).until(() -> running() == 2);
  }

  @Test
  void stop_all_and_start_all_leave_the_control_bus_running() {
    application.start();
    controlBus.start();

    operator.post(ConfigurationCommand.stopAll());
    await().atMost(Duration.ofSeconds(10)).until(() -> running() == 0);
    assertThat(controlBus.dispatcher().state()).allMatch(ConsumerState::running);

    operator.post(ConfigurationCommand.startAll());
    await().atMost(Duration.ofSeconds(10)).until(() -> running() == 2);
  }

  @Test
  void a_heartbeat_request_is_answered_with_the_consumers_and_their_states() {
    application.start();
    controlBus.start();

    HeartbeatReply reply = operator.call(HeartbeatRequest.now(), Duration.ofSeconds(10));

    assertThat(reply).isNotNull();
    assertThat(reply.hostName()).isEqualTo(HOST);
    assertThat(reply.consumers())
        .hasSize(2)
        .allSatisfy(
            consumer -> {
              assertThat(consumer.subscriptionName()).isEqualTo("greeted");
              assertThat(consumer.status()).isEqualTo(MessagePumpStatus.STARTED);
            });
  }

  @Test
  void a_command_for_an_unknown_subscription_is_rejected_and_the_control_bus_goes_on() {
    application.start();
    controlBus.start();

    operator.post(ConfigurationCommand.stopChannel("no-such-subscription"));
    operator.post(ConfigurationCommand.stopChannel("greeted"));

    await().atMost(Duration.ofSeconds(10)).until(() -> running() == 0);
    assertThat(controlBus.dispatcher().state()).allMatch(ConsumerState::running);
  }

  @Test
  void the_node_status_tells_the_dispatchers_health_and_each_subscription() {
    application.start();
    RoutingKey statusTopic = RoutingKey.of("brighter.node-status");
    ControlBusSender sender =
        ControlBusSender.of(
            CommandProcessor.builder()
                .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
                .externalBus(
                    ExternalBusConfiguration.builder()
                        .producers(
                            ProducerRegistry.of(
                                List.of(producer(statusTopic, NodeStatusEvent.class))))
                        .build())
                .build());
    NodeStatusPublisher publisher =
        new NodeStatusPublisher(application, HOST, sender, Duration.ofSeconds(30));

    publisher.publish();
    application.shut("greeted");
    await().atMost(Duration.ofSeconds(10)).until(() -> running() == 0);
    publisher.publish();

    List<NodeStatusEvent> sent =
        bus.stream(statusTopic).stream()
            .map(new io.brighter.messaging.JsonMessageMapper<>(NodeStatusEvent.class)::mapToRequest)
            .toList();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).hostName()).isEqualTo(HOST);
    assertThat(sent.get(0).status()).isEqualTo(DispatcherHealth.Status.HEALTHY);
    assertThat(sent.get(0).subscriptions())
        .containsExactly(new NodeStatusEvent.SubscriptionStatus("greeted", 2, 2));
    assertThat(sent.get(1).status()).isEqualTo(DispatcherHealth.Status.UNHEALTHY);
    assertThat(sent.get(1).subscriptions())
        .containsExactly(new NodeStatusEvent.SubscriptionStatus("greeted", 2, 0));
  }
}
