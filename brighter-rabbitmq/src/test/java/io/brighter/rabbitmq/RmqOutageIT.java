package io.brighter.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.CommandProcessor;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.observability.MessagingMetrics;
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.outbox.OutboxSweeper;
import io.brighter.outbox.SweepSettings;
import io.brighter.rabbitmq.GreetingFlow.GreetingAdded;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What a broker that goes away, or a topology not ready yet, does to a running service: it resumes
 * soon after the broker is back, and loses no message published before any queue was bound.
 */
class RmqOutageIT {

  @Test // #12: with the default retry the consumers and relay resumed 45 s after the broker
  void a_consumer_and_the_relay_resume_within_seconds_of_the_broker_coming_back() {
    // given: the default retry (three tries from 1 s, then a one-minute break)
    RmqConnection connection =
        RmqConnection.builder()
            .uri(Broker.uri())
            .exchange(RmqExchange.direct(Broker.EXCHANGE))
            .build();
    try (GreetingFlow flow = new GreetingFlow(connection, -1);
        OutboxSweeper sweeper =
            OutboxSweeper.builder()
                .commandProcessor(flow.commandProcessor)
                .minimumAge(Duration.ZERO)
                .lease(Duration.ofMillis(200))
                .interval(Duration.ofMillis(200))
                .build()) {
      flow.dispatcher.start();
      sweeper.start();
      Id before = flow.commandProcessor.post(new GreetingAdded(Id.random(), "before"));
      await().atMost(Duration.ofSeconds(30)).until(() -> handled(before));

      // when: the broker is away long enough for every retry to fail and the circuit to open
      long up;
      try {
        Broker.rabbitmqctl("stop_app");
        await().pollDelay(Duration.ofSeconds(9)).atMost(Duration.ofSeconds(10)).until(() -> true);
      } finally {
        Broker.rabbitmqctl("start_app");
        up = System.nanoTime();
      }
      Id after = flow.commandProcessor.post(new GreetingAdded(Id.random(), "after"));

      // then
      await().atMost(Duration.ofSeconds(30)).until(() -> handled(after));
      Duration resumed = Duration.ofNanos(System.nanoTime() - up);
      assertThat(resumed).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test // #12: 20,000 of 20,000 such messages were confirmed, marked dispatched, and gone
  void a_message_published_before_any_queue_is_bound_stays_in_the_outbox_until_one_is() {
    // given: a topic nobody has bound a queue to yet
    RoutingKey topic = RoutingKey.of(Fixtures.fresh("unbound"));
    String queue = Fixtures.fresh("late");
    InMemoryOutbox outbox = new InMemoryOutbox();
    List<Id> refused = new CopyOnWriteArrayList<>();
    MessagingMetrics metrics =
        new MessagingMetrics() {
          @Override
          public void deliveryFailed(RoutingKey failed, Id messageId) {
            refused.add(messageId);
          }
        };
    try (RmqMessageProducer producer =
        new RmqMessageProducer(
            Broker.connection(),
            Publication.builder().topic(topic).requestType(GreetingAdded.class).build())) {
      CommandProcessor processor =
          CommandProcessor.builder()
              .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
              .externalBus(
                  ExternalBusConfiguration.builder()
                      .producers(ProducerRegistry.of(List.of(producer)))
                      .outbox(outbox)
                      .build())
              .metrics(metrics)
              .build();

      // when
      Id id = processor.post(new GreetingAdded(Id.random(), "early"));

      // then
      await().atMost(Duration.ofSeconds(10)).until(() -> refused.contains(id));
      assertThat(outbox.outstandingCount()).isOne();

      // when: a queue is bound, the sweeper sends it
      Broker.admin(
          channel -> {
            channel.queueDeclare(queue, false, false, false, null);
            channel.queueBind(queue, Broker.EXCHANGE, topic.value());
          });
      processor
          .outboxOperations()
          .sweep(SweepSettings.DEFAULT.withMinimumAge(Duration.ZERO).withTopicCooldownSweeps(0));

      // then
      assertThat(outbox.outstandingCount()).isZero();
      assertThat(Broker.ready(queue)).isOne();
    } finally {
      Broker.deleteQueues(List.of(queue));
    }
  }

  private static boolean handled(Id id) {
    return GreetingFlow.HANDLED.stream().anyMatch(greeting -> greeting.id().equals(id));
  }
}
