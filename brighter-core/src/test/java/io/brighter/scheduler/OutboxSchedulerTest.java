package io.brighter.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.fixtures.MovableClock;
import io.brighter.fixtures.Producers;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.outbox.InMemoryUnitOfWork;
import io.brighter.outbox.OutboxSweeper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durable delays: messages and posts wait in the outbox until due, then a sweep sends them. */
class OutboxSchedulerTest {

  record GreetingAdded(Id id, String name) implements Event {}

  private static final RoutingKey GREETINGS = RoutingKey.of("greeting.added");

  private final MovableClock clock = new MovableClock();
  private final InMemoryBus bus = new InMemoryBus();
  private final InMemoryOutbox outbox = new InMemoryOutbox(clock);
  private final CommandProcessor processor =
      CommandProcessor.builder()
          .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
          .externalBus(
              ExternalBusConfiguration.builder()
                  .producers(Producers.inMemory(bus, GREETINGS, GreetingAdded.class))
                  .outbox(outbox)
                  .clock(clock)
                  .build())
          .build();
  private final OutboxSweeper sweeper =
      OutboxSweeper.builder().commandProcessor(processor).minimumAge(Duration.ZERO).build();
  private final OutboxScheduler scheduler = new OutboxScheduler(outbox, clock);

  @Test
  void a_scheduled_message_is_sent_by_the_first_sweep_once_it_is_due() {
    // given
    Message message = message(Duration.ofSeconds(30));
    Id job = scheduler.schedule(message, Duration.ofMinutes(5));

    // when
    int early = sweeper.sweep();
    clock.advance(Duration.ofMinutes(5));
    int due = sweeper.sweep();

    // then
    assertThat(job).isEqualTo(message.id());
    assertThat(early).isZero();
    assertThat(due).isEqualTo(1);
    assertThat(bus.stream(GREETINGS))
        .singleElement()
        .satisfies(
            sent -> {
              assertThat(sent.id()).isEqualTo(message.id());
              assertThat(sent.header().delay()).as("the delay was served").isZero();
            });
  }

  @Test
  void a_cancelled_message_is_never_sent_and_a_moved_one_goes_at_its_new_time() {
    // given
    Message cancelled = message(Duration.ZERO);
    Message moved = message(Duration.ZERO);
    scheduler.schedule(cancelled, Duration.ofMinutes(5));
    scheduler.schedule(moved, Duration.ofMinutes(5));

    // when
    boolean wasCancelled = scheduler.cancel(cancelled.id());
    boolean wasMoved = scheduler.reschedule(moved.id(), clock.instant().plus(Duration.ofHours(1)));
    clock.advance(Duration.ofMinutes(10));
    int afterTenMinutes = sweeper.sweep();
    clock.advance(Duration.ofHours(1));
    int afterAnHour = sweeper.sweep();

    // then
    assertThat(wasCancelled).isTrue();
    assertThat(wasMoved).isTrue();
    assertThat(afterTenMinutes).isZero();
    assertThat(afterAnHour).isEqualTo(1);
    assertThat(bus.stream(GREETINGS)).extracting(Message::id).containsExactly(moved.id());
    assertThat(scheduler.cancel(moved.id())).as("sent already").isFalse();
  }

  @Test
  void a_message_scheduled_in_a_transaction_that_rolls_back_is_never_stored() {
    // given
    InMemoryUnitOfWork transaction = new InMemoryUnitOfWork();
    Message message = message(Duration.ZERO);

    // when
    scheduler.schedule(message, clock.instant(), transaction);
    transaction.rollback();
    clock.advance(Duration.ofMinutes(1));

    // then
    assertThat(sweeper.sweep()).isZero();
    assertThat(outbox.get(message.id()).header().messageType()).isEqualTo(MessageType.NONE);
  }

  @Test
  void a_delayed_post_waits_in_the_outbox_without_any_scheduler() {
    // given
    GreetingAdded greeting = new GreetingAdded(Id.random(), "Ada");

    // when
    Id id = processor.post(Duration.ofMinutes(5), greeting);
    int early = sweeper.sweep();
    clock.advance(Duration.ofMinutes(5));
    int due = sweeper.sweep();

    // then
    assertThat(early).isZero();
    assertThat(due).isEqualTo(1);
    assertThat(bus.stream(GREETINGS)).extracting(Message::id).containsExactly(id);
    assertThat(outbox.outstandingCount()).isZero();
  }

  @Test
  void a_delayed_post_can_be_cancelled_by_its_message_id() {
    // given
    Id id =
        processor.post(
            clock.instant().plus(Duration.ofMinutes(5)), new GreetingAdded(Id.random(), "Bo"));

    // when
    boolean cancelled = scheduler.cancel(id);
    clock.advance(Duration.ofMinutes(10));

    // then
    assertThat(cancelled).isTrue();
    assertThat(sweeper.sweep()).isZero();
    assertThat(bus.stream(GREETINGS)).isEmpty();
  }

  /** A message on the greetings topic whose header asks for {@code delay}. */
  private Message message(Duration delay) {
    return new Message(
        MessageHeader.builder(Id.random(), GREETINGS, MessageType.EVENT)
            .timestamp(clock.instant())
            .delay(delay)
            .build(),
        new MessageBody(
            "{\"name\":\"Ada\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            MessageBody.JSON));
  }
}
