package io.brighter.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.Id;
import io.brighter.jdbc.JdbcUnitOfWork;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.RoutingKey;
import io.brighter.rabbitmq.GreetingFlow.GreetingAdded;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seed flow with a real broker and database: deposit in a JDBC unit of work on PostgreSQL,
 * clear to RabbitMQ with confirms, consume with a dispatcher and a once-only inbox.
 */
class RmqOutboxFlowIT {

  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private GreetingFlow flow;

  @AfterEach
  void stop() {
    if (flow != null) {
      flow.close();
    }
  }

  @Test
  void a_deposited_greeting_is_handled_once_even_when_delivered_twice() throws SQLException {
    // given
    flow = new GreetingFlow(Broker.connection(), 3);
    flow.dispatcher.start();
    GreetingAdded greeting = new GreetingAdded(Id.random(), "Ada");

    // when: deposited in a unit of work, committed, cleared to the broker
    JdbcUnitOfWork unitOfWork = new JdbcUnitOfWork(flow.dataSource);
    Id deposited = flow.commandProcessor.depositPost(greeting, unitOfWork);
    unitOfWork.commit();
    flow.commandProcessor.clearOutbox(List.of(deposited));

    // then: handled, and marked dispatched once the broker confirmed it
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(GreetingFlow.HANDLED).hasSize(1));
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(flow.outbox.outstandingMessages(Duration.ZERO, 100))
                    .extracting(Message::id)
                    .doesNotContain(deposited));

    // when: the same message arrives a second time
    Message again = flow.outbox.get(deposited);
    try (RmqMessageProducer plain =
        new RmqMessageProducer(
            flow.connection,
            io.brighter.messaging.Publication.builder().topic(flow.topic).build())) {
      plain.send(again);
    }

    // and then a second greeting, which the one pump reads after the duplicate
    GreetingAdded marker = new GreetingAdded(Id.random(), "Bob");
    flow.commandProcessor.post(marker);

    // then: the inbox stopped the duplicate
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(GreetingFlow.HANDLED).hasSize(2));
    assertThat(GreetingFlow.HANDLED)
        .extracting(GreetingAdded::id)
        .containsExactly(greeting.id(), marker.id());
    await().atMost(PATIENCE).until(() -> Broker.ready(flow.queue) == 0);
  }

  @Test
  void a_poison_message_is_dead_lettered_with_its_reason_after_the_delivery_budget() {
    // given: a handler that defers poison every time, three deliveries allowed
    flow = new GreetingFlow(Broker.connection(), 3);
    flow.dispatcher.start();
    RmqMessageConsumer deadLetters =
        new RmqMessageConsumer(
            flow.connection,
            RmqSubscription.DEFAULT,
            RoutingKey.of(flow.topic.value() + ".dlq"),
            flow.deadLetterQueue(),
            1,
            RoutingKey.of("unused"),
            OnMissingChannel.ASSUME);

    // when
    Id poison = flow.commandProcessor.post(new GreetingAdded(Id.random(), GreetingFlow.POISON));

    // then
    try (deadLetters) {
      List<Message> dead = new java.util.ArrayList<>();
      await()
          .atMost(PATIENCE)
          .until(
              () -> {
                dead.addAll(deadLetters.receive(Duration.ofMillis(500)));
                return !dead.isEmpty();
              });
      Message message = dead.getFirst();
      deadLetters.acknowledge(message);
      assertThat(message.id()).isEqualTo(poison);
      assertThat(message.header().handledCount()).isEqualTo(3);
      assertThat(message.header().bag().get(HeaderNames.REJECTION_REASON))
          .asString()
          .contains("Handle count of messages reached");
    }
    assertThat(GreetingFlow.HANDLED).isEmpty();
    assertThat(Broker.ready(flow.queue)).isZero();
  }
}
