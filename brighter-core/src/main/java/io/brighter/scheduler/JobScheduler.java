package io.brighter.scheduler;

import io.brighter.Id;
import java.time.Clock;
import java.time.Instant;

/**
 * What every scheduler does with a job it holds: move it or cancel it, by the id {@code schedule}
 * returned. The parent of {@link RequestScheduler} and {@link MessageScheduler}.
 *
 * {@snippet :
 * Id job = commandProcessor.send(Duration.ofMinutes(5), new RemindCustomer(Id.random(), "Ada"));
 * scheduler.reschedule(job, scheduler.clock().instant().plus(Duration.ofMinutes(10)));
 * scheduler.cancel(job);
 * }
 *
 * <p>Implementations are thread-safe: jobs may be scheduled, moved and cancelled from any thread,
 * also while they fire. A job fires at most once; a job that has fired, or been cancelled, can no
 * longer be moved or cancelled.
 */
public interface JobScheduler {

  /**
   * The clock due times are measured on; the command processor turns a delay into a due time with
   * it. The UTC system clock by default.
   */
  default Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * Moves the job {@code jobId} to fire at {@code at} instead; a time already past fires it as soon
   * as possible.
   *
   * @return false when no such job is waiting: unknown, already fired, or cancelled
   */
  boolean reschedule(Id jobId, Instant at);

  /**
   * Cancels the job {@code jobId}, so it never fires.
   *
   * @return false when no such job is waiting: unknown, already fired, or cancelled
   */
  boolean cancel(Id jobId);
}
