package io.brighter.scheduler;

import static java.util.Objects.requireNonNull;

import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.messaging.Message;
import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@link MessageScheduler} that keeps scheduled messages in an {@link Outbox}: durable delays
 * with no other infrastructure. {@link #schedule} stores the message with its due time ({@link
 * Outbox#schedule}), inside the caller's transaction when one is given; the outbox's sweeper sends
 * it once it is due, through the producers of the command processor that owns the outbox. A crash
 * or a restart in between loses nothing, and the message goes at least once.
 *
 * {@snippet :
 * OutboxScheduler delays = new OutboxScheduler(outbox); // the outbox the sweeper sweeps
 * KafkaMessageProducer producer = new KafkaMessageProducer(kafka, publication, delays);
 * Id job = delays.schedule(message, Duration.ofMinutes(10));
 * delays.cancel(job); // true while the message is not yet due
 * }
 *
 * <p><b>Timing.</b> A message is sent by the first sweep once it is due: to within the sweep
 * interval, and not before the sweep's minimum age has passed (counted from the message's timestamp
 * on JDBC and in memory, from its due time on DynamoDB).
 *
 * <p><b>Jobs.</b> The job id is the message id. {@link #reschedule} and {@link #cancel} work until
 * the message is due; from then on it belongs to the sweeper. Scheduling a message whose id the
 * outbox holds replaces it, dispatched or not, so a message may be scheduled again (a delayed
 * requeue of a message that came back). The message is stored without its header's delay: the delay
 * is served here, so the sweeper sends it as it is.
 *
 * <p>Delayed posts need no scheduler: {@code CommandProcessor.post(delay, request)} stores the
 * message in the outbox due after the delay; this class cancels or moves such posts by their
 * message ids. Thread-safe when the outbox is.
 */
public final class OutboxScheduler implements MessageScheduler {

  private final Outbox outbox;
  private final Clock clock;

  /** Schedules into {@code outbox}, on the UTC system clock. */
  public OutboxScheduler(Outbox outbox) {
    this(outbox, Clock.systemUTC());
  }

  /** Schedules into {@code outbox}, turning delays into due times on {@code clock}. */
  public OutboxScheduler(Outbox outbox, Clock clock) {
    this.outbox = requireNonNull(outbox, "outbox must not be null");
    this.clock = requireNonNull(clock, "clock must not be null");
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Id schedule(Message message, Instant at) {
    return store(message, at, null);
  }

  /**
   * Stores {@code message} due at {@code at} inside {@code transaction}: it is scheduled when, and
   * only if, the caller commits.
   *
   * @return the job id, which is the message id
   */
  public Id schedule(Message message, Instant at, BoxTransactionProvider<?> transaction) {
    return store(message, at, requireNonNull(transaction, "transaction must not be null"));
  }

  @Override
  public boolean reschedule(Id jobId, Instant at) {
    return outbox.reschedule(
        requireNonNull(jobId, "jobId must not be null"), requireNonNull(at, "at must not be null"));
  }

  @Override
  public boolean cancel(Id jobId) {
    return outbox.cancelScheduled(requireNonNull(jobId, "jobId must not be null"));
  }

  private Id store(Message message, Instant at, @Nullable BoxTransactionProvider<?> transaction) {
    requireNonNull(message, "message must not be null");
    requireNonNull(at, "at must not be null");
    Message served = message.withHeader(message.header().withDelay(Duration.ZERO));
    outbox.schedule(List.of(served), at, new RequestContext(), transaction);
    return message.id();
  }
}
