package io.brighter.scheduler;

import io.brighter.CommandProcessor;
import io.brighter.Id;
import io.brighter.Request;
import java.time.Instant;

/**
 * Holds requests until they are due, then replays them on a {@link CommandProcessor}: what the
 * processor's scheduled {@code send}, {@code publish} and {@code post} hand their request to. Pass
 * one to {@code CommandProcessor.builder().scheduler(...)}; application code then schedules through
 * the processor and moves or cancels through the scheduler.
 *
 * {@snippet :
 * Id job = scheduler.schedule(new RemindCustomer(Id.random(), "Ada"), SchedulerType.SEND, at);
 * scheduler.cancel(job);
 * }
 *
 * <p>Thread-safe. When a job fires, the scheduler calls the processor's {@code send}, {@code
 * publish} or {@code post} with a fresh {@link io.brighter.RequestContext}. A firing that fails is
 * logged; the {@link InMemoryScheduler} does not retry it, and its jobs do not survive a restart.
 * The {@link OutboxRequestScheduler} keeps jobs in an outbox, so they survive one.
 */
public interface RequestScheduler extends JobScheduler {

  /**
   * Called by {@code CommandProcessor.builder().build()} with the processor that jobs replay on,
   * before the processor is handed to the application. A later call replaces the processor. The
   * default does nothing, for schedulers that replay some other way.
   */
  default void bind(CommandProcessor processor) {}

  /**
   * Holds {@code request} until {@code at}, then replays it as {@code type}; a time already past
   * fires it as soon as possible.
   *
   * @return the job id, for {@link #reschedule} and {@link #cancel}
   * @throws IllegalArgumentException when {@code type} is {@link SchedulerType#SEND} and the
   *     request is not a {@link io.brighter.Command}, or {@link SchedulerType#PUBLISH} and it is
   *     not an {@link io.brighter.Event}
   */
  Id schedule(Request request, SchedulerType type, Instant at);
}
