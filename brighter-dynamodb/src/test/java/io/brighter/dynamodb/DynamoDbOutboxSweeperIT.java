package io.brighter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.dynamodb.greetings.SwitchableProducer;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.outbox.OutboxSweeper;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sweeper on the DynamoDB outbox skips a topic whose circuit is tripped, as it does on every
 * outbox: a failed send trips the topic for a number of sweeps, the other topics still go, and the
 * tripped topic is tried again once it has cooled down.
 */
class DynamoDbOutboxSweeperIT {

  record Flaky(Id id) implements Event {}

  record Steady(Id id) implements Event {}

  @Test
  void a_tripped_topic_is_skipped_until_it_cools_down_while_other_topics_are_sent() {
    // given: a fresh outbox table, so the sweeps see only these two messages
    DynamoDbOutbox outbox =
        DynamoDbOutbox.builder()
            .client(TestTables.CLIENT)
            .tableName("sweeper_" + UUID.randomUUID().toString().replace("-", ""))
            .build()
            .createTableIfMissing();
    InMemoryBus bus = new InMemoryBus();
    RoutingKey flakyTopic = RoutingKey.of("flaky");
    RoutingKey steadyTopic = RoutingKey.of("steady");
    SwitchableProducer flaky =
        new SwitchableProducer(BusProcessors.producer(bus, flakyTopic, Flaky.class));
    SwitchableProducer steady =
        new SwitchableProducer(BusProcessors.producer(bus, steadyTopic, Steady.class));
    CommandProcessor commandProcessor = BusProcessors.over(outbox, List.of(flaky, steady));
    OutboxSweeper sweeper =
        OutboxSweeper.builder()
            .commandProcessor(commandProcessor)
            .minimumAge(Duration.ZERO)
            .batchSize(10)
            .topicCooldownSweeps(1)
            .lease(Duration.ofMillis(1))
            .build();
    flaky.brokerDown(true);
    commandProcessor.depositPost(new Flaky(Id.random()));

    // when: the first sweep trips flaky; steady arrives afterwards
    sweeper.sweep();
    commandProcessor.depositPost(new Steady(Id.random()));
    flaky.brokerDown(false);
    int whileTripped = sweeper.sweep();
    int flakyAttemptsWhileTripped = flaky.attempts();
    int afterCooling = sweeper.sweep();

    // then
    assertThat(flakyAttemptsWhileTripped).as("flaky sends while tripped").isEqualTo(1);
    assertThat(whileTripped).as("sent while flaky was tripped").isEqualTo(1);
    assertThat(bus.stream(steadyTopic)).hasSize(1);
    assertThat(afterCooling).as("sent after cooling down").isEqualTo(1);
    assertThat(bus.stream(flakyTopic)).hasSize(1);
    assertThat(outbox.outstandingCount()).isZero();
  }
}
