package io.brighter.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.brighter.CommandProcessor;
import io.brighter.ConfigurationException;
import io.brighter.Event;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.fixtures.Producers;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.Message;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutboxSweeperTest {

  record GreetingAdded(Id id, String name) implements Event {}

  private static final RoutingKey GREETINGS = RoutingKey.of("greeting.added");

  private final InMemoryBus bus = new InMemoryBus();
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final CommandProcessor processor =
      CommandProcessor.builder()
          .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
          .externalBus(
              ExternalBusConfiguration.builder()
                  .producers(Producers.inMemory(bus, GREETINGS, GreetingAdded.class))
                  .outbox(outbox)
                  .build())
          .build();

  @Test
  void one_sweep_sends_outstanding_messages_in_batches() {
    // given
    for (int i = 0; i < 3; i++) {
      processor.depositPost(new GreetingAdded(Id.random(), "guest " + i));
    }
    OutboxSweeper sweeper =
        OutboxSweeper.builder()
            .commandProcessor(processor)
            .minimumAge(Duration.ZERO)
            .batchSize(2)
            .build();

    // when
    int first = sweeper.sweep();
    int second = sweeper.sweep();

    // then
    assertThat(first).isEqualTo(2);
    assertThat(second).isEqualTo(1);
    assertThat(bus.stream(GREETINGS)).hasSize(3);
    assertThat(outbox.outstandingCount()).isZero();
  }

  @Test
  void a_started_sweeper_sends_what_was_deposited_until_stopped() {
    // given
    Id id = processor.depositPost(new GreetingAdded(Id.random(), "Ada"));
    OutboxSweeper sweeper =
        OutboxSweeper.builder()
            .commandProcessor(processor)
            .minimumAge(Duration.ZERO)
            .interval(Duration.ofMillis(20))
            .build();

    // when
    sweeper.start();
    try {
      // then
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () -> assertThat(bus.stream(GREETINGS)).extracting(Message::id).containsExactly(id));
    } finally {
      sweeper.stop();
    }
    assertThatCode(sweeper::stop).doesNotThrowAnyException();
  }

  @Test
  void cannot_be_started_twice() {
    OutboxSweeper sweeper =
        OutboxSweeper.builder().commandProcessor(processor).interval(Duration.ofSeconds(1)).build();
    sweeper.start();
    try {
      assertThatThrownBy(sweeper::start).isInstanceOf(IllegalStateException.class);
    } finally {
      sweeper.stop();
    }
  }

  @Test
  void the_builder_names_what_is_missing_or_wrong() {
    assertThatThrownBy(() -> OutboxSweeper.builder().build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("OutboxSweeper.commandProcessor");
    assertThatThrownBy(
            () -> OutboxSweeper.builder().commandProcessor(processor).batchSize(0).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("OutboxSweeper.batchSize");
    assertThatThrownBy(
            () ->
                OutboxSweeper.builder().commandProcessor(processor).interval(Duration.ZERO).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("OutboxSweeper.interval");
  }

  @ParameterizedTest // #12: accepted, then every sweep threw
  @ValueSource(longs = {0, -1})
  void refuses_a_lease_that_is_not_positive_when_built(long seconds) {
    assertThatThrownBy(
            () ->
                OutboxSweeper.builder()
                    .commandProcessor(processor)
                    .lease(Duration.ofSeconds(seconds))
                    .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("OutboxSweeper.lease must be positive");
  }

  @Test
  void refuses_a_negative_cool_down_naming_it() {
    assertThatThrownBy(
            () ->
                OutboxSweeper.builder().commandProcessor(processor).topicCooldownSweeps(-1).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("OutboxSweeper.topicCooldownSweeps must be at least 0");
  }

  @Test
  void has_the_documented_defaults() {
    OutboxSweeper sweeper = OutboxSweeper.builder().commandProcessor(processor).build();

    assertThat(sweeper.settings())
        .isEqualTo(new SweepSettings(Duration.ofSeconds(5), 100, Duration.ofSeconds(30), 3));
  }

  @Test
  void a_processor_without_an_outbox_cannot_be_swept() {
    CommandProcessor withoutBus =
        CommandProcessor.builder()
            .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
            .build();

    assertThatThrownBy(() -> OutboxSweeper.builder().commandProcessor(withoutBus).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("No external bus is configured");
  }
}
