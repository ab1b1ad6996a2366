package io.brighter.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.ConfigurationException;
import io.brighter.Event;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.TransientException;
import io.brighter.fixtures.MovableClock;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.outbox.InMemoryOutbox;
import io.brighter.outbox.OutboxSweeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Durable scheduled sends and publishes: stored in the outbox, replayed on the processor by the
 * sweep that finds them due, surviving a new processor on the same outbox.
 */
class OutboxRequestSchedulerTest {

  record RemindCustomer(Id id, String name) implements Command {}

  record CustomerReminded(Id id, String name) implements Event {}

  record NotGiven(Id id) implements Command {}

  private final MovableClock clock = new MovableClock();
  private final InMemoryOutbox outbox = new InMemoryOutbox(clock);
  private final List<String> handled = new CopyOnWriteArrayList<>();
  private final AtomicInteger transientFailures = new AtomicInteger();

  /** A process: a scheduler, the processor it replays on and a sweeper, on the shared outbox. */
  private record Process(
      OutboxRequestScheduler scheduler, CommandProcessor processor, OutboxSweeper sweeper) {}

  private final Process process = start();

  @Test
  void a_scheduled_send_runs_its_handler_once_at_the_first_sweep_after_it_is_due() {
    // given
    RemindCustomer remind = new RemindCustomer(Id.random(), "Ada");

    // when
    Id job = process.processor().send(Duration.ofMinutes(5), remind);
    int early = process.sweeper().sweep();
    clock.advance(Duration.ofMinutes(5));
    int due = process.sweeper().sweep();
    int after = process.sweeper().sweep();

    // then
    assertThat(job).isEqualTo(remind.id());
    assertThat(early).isZero();
    assertThat(due).isEqualTo(1);
    assertThat(after).isZero();
    assertThat(handled).containsExactly("remind Ada");
    assertThat(outbox.outstandingCount()).isZero();
  }

  @Test
  void a_scheduled_publish_runs_every_handler_of_the_event() {
    // when
    process.processor().publish(Duration.ofMinutes(1), new CustomerReminded(Id.random(), "Bo"));
    clock.advance(Duration.ofMinutes(1));
    process.sweeper().sweep();

    // then
    assertThat(handled).containsExactlyInAnyOrder("reminded Bo", "audited Bo");
  }

  @Test
  void a_job_scheduled_by_one_process_runs_in_the_next_one_on_the_same_outbox() {
    // given: scheduled, then the process is gone before it was due
    process.processor().send(Duration.ofHours(1), new RemindCustomer(Id.random(), "Cy"));

    // when
    Process restarted = start();
    clock.advance(Duration.ofHours(1));
    restarted.sweeper().sweep();

    // then
    assertThat(handled).containsExactly("remind Cy");
  }

  @Test
  void a_cancelled_job_never_runs_and_a_moved_one_runs_at_its_new_time() {
    // given
    Id cancelled = process.processor().send(Duration.ofMinutes(5), remind("Di"));
    Id moved = process.processor().send(Duration.ofMinutes(5), remind("Ed"));

    // when
    boolean wasCancelled = process.scheduler().cancel(cancelled);
    boolean wasMoved =
        process.scheduler().reschedule(moved, clock.instant().plus(Duration.ofHours(1)));
    clock.advance(Duration.ofMinutes(10));
    process.sweeper().sweep();
    List<String> afterTenMinutes = List.copyOf(handled);
    clock.advance(Duration.ofHours(1));
    process.sweeper().sweep();

    // then
    assertThat(wasCancelled).isTrue();
    assertThat(wasMoved).isTrue();
    assertThat(afterTenMinutes).isEmpty();
    assertThat(handled).containsExactly("remind Ed");
    assertThat(process.scheduler().cancel(moved)).as("ran already").isFalse();
  }

  @Test
  void a_type_the_scheduler_was_not_given_is_refused_when_scheduled() {
    assertThatThrownBy(
            () -> process.processor().send(Duration.ofMinutes(1), new NotGiven(Id.random())))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(NotGiven.class.getName());
    assertThat(outbox.outstandingCount()).isZero();
  }

  @Test
  void a_transient_failure_leaves_the_job_for_the_next_sweep_and_a_lasting_one_ends_it() {
    // given: the handler fails transiently once; "Fay" always fails for good
    transientFailures.set(1);
    process.processor().send(Duration.ofMinutes(1), remind("Gus"));
    process.processor().send(Duration.ofMinutes(1), remind("Fay"));
    clock.advance(Duration.ofMinutes(1));

    // when
    process.sweeper().sweep();
    long waitingAfterFirst = outbox.outstandingCount();
    for (int sweep = 0; sweep < 5; sweep++) { // past the topic's cool-down of three sweeps
      process.sweeper().sweep();
    }

    // then
    assertThat(waitingAfterFirst).as("Gus failed transiently and waits").isPositive();
    assertThat(handled).containsExactly("remind Gus");
    assertThat(outbox.outstandingCount()).isZero();
  }

  private static RemindCustomer remind(String name) {
    return new RemindCustomer(Id.random(), name);
  }

  private Process start() {
    OutboxRequestScheduler scheduler =
        new OutboxRequestScheduler(
            outbox,
            List.of(RemindCustomer.class, CustomerReminded.class, CustomerReminded.class),
            OutboxRequestScheduler.DEFAULT_TOPIC,
            clock);
    CommandProcessor processor =
        CommandProcessor.builder()
            .handlers(
                new SubscriberRegistry()
                    .register(RemindCustomer.class, RemindHandler.class)
                    .register(CustomerReminded.class, RemindedHandler.class)
                    .register(CustomerReminded.class, AuditHandler.class),
                new SimpleHandlerFactory()
                    .register(
                        RemindHandler.class, () -> new RemindHandler(handled, transientFailures))
                    .register(RemindedHandler.class, () -> new RemindedHandler(handled))
                    .register(AuditHandler.class, () -> new AuditHandler(handled)))
            .scheduler(scheduler)
            .externalBus(
                ExternalBusConfiguration.builder()
                    .producers(ProducerRegistry.of(List.of(scheduler.producer())))
                    .outbox(outbox)
                    .clock(clock)
                    .build())
            .build();
    OutboxSweeper sweeper =
        OutboxSweeper.builder().commandProcessor(processor).minimumAge(Duration.ZERO).build();
    return new Process(scheduler, processor, sweeper);
  }

  static final class RemindHandler extends RequestHandler<RemindCustomer> {
    private final List<String> handled;
    private final AtomicInteger transientFailures;

    RemindHandler(List<String> handled, AtomicInteger transientFailures) {
      this.handled = handled;
      this.transientFailures = transientFailures;
    }

    @Override
    public RemindCustomer handle(RemindCustomer remind) {
      if (remind.name().equals("Fay")) {
        throw new IllegalStateException("Fay cannot be reminded");
      }
      if (transientFailures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
        throw new TransientException("the mail server is away", null);
      }
      handled.add("remind " + remind.name());
      return super.handle(remind);
    }
  }

  static final class RemindedHandler extends RequestHandler<CustomerReminded> {
    private final List<String> handled;

    RemindedHandler(List<String> handled) {
      this.handled = handled;
    }

    @Override
    public CustomerReminded handle(CustomerReminded reminded) {
      handled.add("reminded " + reminded.name());
      return super.handle(reminded);
    }
  }

  static final class AuditHandler extends RequestHandler<CustomerReminded> {
    private final List<String> handled;

    AuditHandler(List<String> handled) {
      this.handled = handled;
    }

    @Override
    public CustomerReminded handle(CustomerReminded reminded) {
      handled.add("audited " + reminded.name());
      return super.handle(reminded);
    }
  }
}
