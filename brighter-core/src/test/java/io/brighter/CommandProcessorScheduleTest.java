package io.brighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.brighter.fixtures.MovableClock;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.Message;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.outbox.OutboxSweeper;
import io.brighter.scheduler.InMemoryScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CommandProcessorScheduleTest {

  interface Named {
    String name();
  }

  record RemindCustomer(Id id, String name) implements Command, Named {}

  record CustomerReminded(Id id, String name) implements Event, Named {}

  record GreetingAdded(Id id, String name) implements Event {}

  record Unhandled(Id id) implements Command {}

  /** Logs each request it handles as "{prefix} {name}". */
  abstract static class LoggingHandler<T extends Request & Named> extends RequestHandler<T> {
    private final List<String> log;
    private final String prefix;

    LoggingHandler(List<String> log, String prefix) {
      this.log = log;
      this.prefix = prefix;
    }

    @Override
    public T handle(T request) {
      log.add(prefix + " " + request.name());
      return super.handle(request);
    }
  }

  static final class RemindCustomerHandler extends LoggingHandler<RemindCustomer> {
    RemindCustomerHandler(List<String> log) {
      super(log, "remind");
    }
  }

  static final class AuditReminder extends LoggingHandler<CustomerReminded> {
    AuditReminder(List<String> log) {
      super(log, "audit");
    }
  }

  static final class MailReminder extends LoggingHandler<CustomerReminded> {
    MailReminder(List<String> log) {
      super(log, "mail");
    }
  }

  private static final RoutingKey GREETINGS = RoutingKey.of("greeting.added");
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  private final MovableClock clock = new MovableClock();
  private final InMemoryBus bus = new InMemoryBus(clock);
  private final InMemoryScheduler scheduler = InMemoryScheduler.builder().clock(clock).build();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final CommandProcessor processor =
      CommandProcessor.builder()
          .handlers(
              new SubscriberRegistry()
                  .register(RemindCustomer.class, RemindCustomerHandler.class)
                  .register(CustomerReminded.class, AuditReminder.class)
                  .register(CustomerReminded.class, MailReminder.class),
              new SimpleHandlerFactory()
                  .register(RemindCustomerHandler.class, () -> new RemindCustomerHandler(log))
                  .register(AuditReminder.class, () -> new AuditReminder(log))
                  .register(MailReminder.class, () -> new MailReminder(log)))
          .externalBus(
              ExternalBusConfiguration.builder()
                  .producers(
                      ProducerRegistry.of(
                          List.of(
                              new InMemoryMessageProducer(
                                  bus,
                                  Publication.builder()
                                      .topic(GREETINGS)
                                      .requestType(GreetingAdded.class)
                                      .build()))))
                  .outbox(new InMemoryOutbox(clock))
                  .clock(clock)
                  .build())
          .scheduler(scheduler)
          .build();

  @AfterEach
  void stopTimers() {
    scheduler.close();
  }

  private Instant inFiveMinutes() {
    return clock.instant().plus(FIVE_MINUTES);
  }

  @Nested
  class ScheduledSend {

    @Test
    void runs_the_handler_only_once_the_delay_has_passed() {
      // given
      Id job = processor.send(FIVE_MINUTES, new RemindCustomer(Id.random(), "Ada"));

      // when
      clock.advance(FIVE_MINUTES.minusSeconds(1));
      int early = scheduler.fireDue();
      clock.advance(Duration.ofSeconds(1));
      int due = scheduler.fireDue();

      // then
      assertThat(job).isNotNull();
      assertThat(early).isZero();
      assertThat(due).isEqualTo(1);
      assertThat(log).containsExactly("remind Ada");
    }

    @Test
    void runs_the_handler_at_the_given_time() {
      // given
      processor.send(inFiveMinutes(), new RemindCustomer(Id.random(), "Ada"));
      scheduler.fireDue();
      assertThat(log).isEmpty();

      // when
      clock.advance(FIVE_MINUTES);
      scheduler.fireDue();

      // then
      assertThat(log).containsExactly("remind Ada");
    }

    @Test
    void a_zero_delay_schedules_for_now_and_runs_on_the_scheduler_thread() {
      // when
      Id job = processor.send(Duration.ZERO, new RemindCustomer(Id.random(), "Ada"));

      // then
      assertThat(job).isNotNull();
      await().atMost(Duration.ofSeconds(5)).until(() -> log.contains("remind Ada"));
      assertThat(scheduler.pending()).isZero();
    }

    @Test
    void refuses_a_command_without_a_handler_when_scheduling() {
      assertThatThrownBy(() -> processor.send(FIVE_MINUTES, new Unhandled(Id.random())))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(Unhandled.class.getName());
      assertThat(scheduler.pending()).isZero();
    }
  }

  @Nested
  class ScheduledPublish {

    @Test
    void runs_every_handler_of_the_event_once_due() {
      // given
      processor.publish(FIVE_MINUTES, new CustomerReminded(Id.random(), "Ada"));
      processor.publish(inFiveMinutes().plusSeconds(1), new CustomerReminded(Id.random(), "Bo"));
      scheduler.fireDue();
      assertThat(log).isEmpty();

      // when
      clock.advance(FIVE_MINUTES.plusSeconds(1));
      scheduler.fireDue();

      // then
      assertThat(log).containsExactly("audit Ada", "mail Ada", "audit Bo", "mail Bo");
    }
  }

  @Nested
  class ScheduledPost {

    @Test // #15: a delayed post is stored at once, not held by the scheduler
    void waits_in_the_outbox_until_due_and_is_sent_by_a_sweep() {
      // given
      OutboxSweeper sweeper =
          OutboxSweeper.builder().commandProcessor(processor).minimumAge(Duration.ZERO).build();
      GreetingAdded event = new GreetingAdded(Id.random(), "Ada");
      Id first = processor.post(FIVE_MINUTES, event);
      processor.post(inFiveMinutes(), new GreetingAdded(Id.random(), "Bo"));
      assertThat(scheduler.fireDue()).as("no job in the scheduler").isZero();
      assertThat(sweeper.sweep()).isZero();

      // when
      clock.advance(FIVE_MINUTES);
      int sent = sweeper.sweep();

      // then
      assertThat(sent).isEqualTo(2);
      assertThat(bus.stream(GREETINGS)).extracting(Message::id).contains(first).hasSize(2);
    }

    @Test
    void refuses_when_there_is_no_external_bus() {
      CommandProcessor withoutBus =
          CommandProcessor.builder()
              .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
              .scheduler(scheduler)
              .build();

      assertThatThrownBy(() -> withoutBus.post(FIVE_MINUTES, new GreetingAdded(Id.random(), "Ada")))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("externalBus");
    }
  }

  @Nested
  class CancelAndReschedule {

    @Test
    void a_cancelled_job_never_fires() {
      // given
      Id job = processor.send(FIVE_MINUTES, new RemindCustomer(Id.random(), "Ada"));

      // when
      boolean cancelled = scheduler.cancel(job);
      clock.advance(FIVE_MINUTES);
      scheduler.fireDue();

      // then
      assertThat(cancelled).isTrue();
      assertThat(log).isEmpty();
      assertThat(scheduler.cancel(job)).isFalse();
    }

    @Test
    void a_rescheduled_job_fires_at_its_new_time_only() {
      // given
      Id job = processor.send(FIVE_MINUTES, new RemindCustomer(Id.random(), "Ada"));

      // when
      boolean moved = scheduler.reschedule(job, clock.instant().plus(Duration.ofMinutes(10)));
      clock.advance(FIVE_MINUTES);
      scheduler.fireDue();

      // then
      assertThat(moved).isTrue();
      assertThat(log).isEmpty();
      clock.advance(FIVE_MINUTES);
      assertThat(scheduler.fireDue()).isEqualTo(1);
      assertThat(log).containsExactly("remind Ada");
      assertThat(scheduler.reschedule(job, inFiveMinutes())).isFalse();
    }
  }

  @Nested
  class InvalidParameters {

    @Test
    void a_negative_delay_is_refused() {
      RemindCustomer command = new RemindCustomer(Id.random(), "Ada");

      assertThatThrownBy(() -> processor.send(Duration.ofSeconds(-1), command))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("delay");
      assertThatThrownBy(
              () ->
                  processor.publish(Duration.ofSeconds(-1), new CustomerReminded(Id.random(), "")))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(scheduler.pending()).isZero();
    }

    @Test
    void a_time_in_the_past_beyond_the_tolerance_is_refused() {
      Instant past = clock.instant().minus(CommandProcessor.SCHEDULE_TOLERANCE).minusMillis(1);

      assertThatThrownBy(() -> processor.post(past, new GreetingAdded(Id.random(), "Ada")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("past");
      assertThat(scheduler.pending()).isZero();
    }

    @Test
    void a_time_just_past_within_the_tolerance_counts_as_now() {
      // given
      Instant justPast = clock.instant().minusMillis(500);

      // when
      processor.send(justPast, new RemindCustomer(Id.random(), "Ada"));

      // then
      await().atMost(Duration.ofSeconds(5)).until(() -> log.contains("remind Ada"));
    }
  }

  @Nested
  class WithoutAScheduler {

    @Test
    void scheduling_fails_naming_the_builder_method() {
      CommandProcessor unscheduled =
          CommandProcessor.builder()
              .handlers(
                  new SubscriberRegistry().register(CustomerReminded.class, AuditReminder.class),
                  new SimpleHandlerFactory()
                      .register(AuditReminder.class, () -> new AuditReminder(log)))
              .build();

      assertThatThrownBy(
              () -> unscheduled.publish(FIVE_MINUTES, new CustomerReminded(Id.random(), "Ada")))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("CommandProcessor.builder().scheduler(...)");
      assertThatThrownBy(
              () -> unscheduled.publish(Instant.now(), new CustomerReminded(Id.random(), "Ada")))
          .isInstanceOf(ConfigurationException.class);
    }
  }
}
