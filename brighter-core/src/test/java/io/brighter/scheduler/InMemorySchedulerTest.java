package io.brighter.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.brighter.ConfigurationException;
import io.brighter.Event;
import io.brighter.Id;
import io.brighter.fixtures.MovableClock;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InMemorySchedulerTest {

  record GreetingAdded(Id id, String name) implements Event {}

  private static final RoutingKey GREETINGS = RoutingKey.of("greeting.added");
  private static final RoutingKey NOWHERE = RoutingKey.of("nowhere");
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  private final MovableClock clock = new MovableClock();
  private final InMemoryBus bus = new InMemoryBus(clock);
  private final InMemoryMessageProducer greetings =
      new InMemoryMessageProducer(bus, Publication.builder().topic(GREETINGS).build());
  private final InMemoryScheduler scheduler =
      InMemoryScheduler.builder()
          .clock(clock)
          .producers(ProducerRegistry.of(List.of(greetings)))
          .build();

  @AfterEach
  void stopTimers() {
    scheduler.close();
  }

  private static Message message(RoutingKey topic) {
    return new Message(
        MessageHeader.builder(Id.random(), topic, MessageType.EVENT).build(),
        MessageBody.json("{\"name\":\"Ada\"}"));
  }

  /** A producer whose broker cannot delay, so it hands delayed sends to a scheduler. */
  record DelaylessProducer(MessageProducer broker, MessageScheduler scheduler)
      implements MessageProducer {

    @Override
    public Publication publication() {
      return broker.publication();
    }

    @Override
    public void send(Message message) {
      broker.send(message);
    }

    @Override
    public void sendWithDelay(Message message, Duration delay) {
      scheduler.schedule(message, delay);
    }
  }

  @Nested
  class Messages {

    @Test
    void delivers_a_message_through_its_topic_producer_once_due() {
      // given
      Message message = message(GREETINGS);
      scheduler.schedule(message, clock.instant().plus(FIVE_MINUTES));
      scheduler.fireDue();
      assertThat(bus.stream(GREETINGS)).isEmpty();

      // when
      clock.advance(FIVE_MINUTES);
      int fired = scheduler.fireDue();

      // then
      assertThat(fired).isEqualTo(1);
      assertThat(bus.stream(GREETINGS)).containsExactly(message);
    }

    @Test
    void lets_a_producer_without_native_delay_send_with_delay() {
      // given
      DelaylessProducer producer = new DelaylessProducer(greetings, scheduler);
      Message message = message(GREETINGS);

      // when
      producer.sendWithDelay(message, FIVE_MINUTES);

      // then
      assertThat(bus.stream(GREETINGS)).isEmpty();
      clock.advance(FIVE_MINUTES);
      scheduler.fireDue();
      assertThat(bus.stream(GREETINGS)).containsExactly(message);
    }

    @Test
    void refuses_a_negative_delay() {
      assertThatThrownBy(() -> scheduler.schedule(message(GREETINGS), Duration.ofMillis(-1)))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refuses_messages_until_it_has_producers() {
      try (InMemoryScheduler unbound = InMemoryScheduler.builder().clock(clock).build()) {
        assertThatThrownBy(() -> unbound.schedule(message(GREETINGS), FIVE_MINUTES))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("producers");

        unbound.bind(ProducerRegistry.of(List.of(greetings)));
        assertThat(unbound.schedule(message(GREETINGS), FIVE_MINUTES)).isNotNull();
      }
    }
  }

  @Nested
  class Failures {

    @Test
    void a_firing_that_throws_does_not_stop_later_jobs_and_is_not_retried() {
      // given: no producer is registered for NOWHERE, so the first firing throws
      scheduler.schedule(message(NOWHERE), clock.instant().plusSeconds(1));
      Message later = message(GREETINGS);
      scheduler.schedule(later, clock.instant().plusSeconds(2));

      // when
      clock.advance(Duration.ofSeconds(2));
      int fired = scheduler.fireDue();

      // then
      assertThat(fired).isEqualTo(2);
      assertThat(bus.stream(GREETINGS)).containsExactly(later);
      assertThat(scheduler.pending()).isZero();
      assertThat(scheduler.fireDue()).isZero();
    }
  }

  @Nested
  class Requests {

    @Test
    void refuses_requests_until_bound_to_a_command_processor() {
      assertThatThrownBy(
              () ->
                  scheduler.schedule(
                      new GreetingAdded(Id.random(), "Ada"),
                      SchedulerType.PUBLISH,
                      clock.instant()))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("CommandProcessor.builder().scheduler(...)");
    }

    @Test
    void refuses_to_send_an_event() {
      assertThatThrownBy(
              () ->
                  scheduler.schedule(
                      new GreetingAdded(Id.random(), "Ada"), SchedulerType.SEND, clock.instant()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Command");
    }
  }

  @Nested
  class CancelAndReschedule {

    @Test
    void unknown_jobs_can_be_neither_cancelled_nor_moved() {
      assertThat(scheduler.cancel(Id.random())).isFalse();
      assertThat(scheduler.reschedule(Id.random(), clock.instant())).isFalse();
    }

    @Test
    void a_job_moved_earlier_fires_at_its_new_time() {
      // given
      Message message = message(GREETINGS);
      Id job = scheduler.schedule(message, clock.instant().plus(FIVE_MINUTES));

      // when
      scheduler.reschedule(job, clock.instant().plusSeconds(1));
      clock.advance(Duration.ofSeconds(1));
      scheduler.fireDue();

      // then
      assertThat(bus.stream(GREETINGS)).containsExactly(message);
      assertThat(scheduler.cancel(job)).isFalse();
    }
  }

  @Nested
  class RealTimers {

    @Test
    void a_job_fires_on_its_own_once_the_delay_has_passed() {
      // given
      InMemoryBus realTimeBus = new InMemoryBus();
      Message message = message(GREETINGS);
      try (InMemoryScheduler realTime =
          InMemoryScheduler.builder()
              .producers(
                  ProducerRegistry.of(
                      List.of(
                          new InMemoryMessageProducer(
                              realTimeBus, Publication.builder().topic(GREETINGS).build()))))
              .build()) {

        // when
        realTime.schedule(message, Duration.ofMillis(50));

        // then
        await()
            .atMost(Duration.ofSeconds(5))
            .untilAsserted(
                () -> assertThat(realTimeBus.stream(GREETINGS)).containsExactly(message));
        assertThat(realTime.pending()).isZero();
      }
    }
  }
}
