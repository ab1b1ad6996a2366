package io.brighter.scheduler;

import io.brighter.Id;
import io.brighter.messaging.Message;
import io.brighter.messaging.ProducerRegistry;
import java.time.Duration;
import java.time.Instant;

/**
 * Holds messages until they are due, then sends them through the producer of their topic: how a
 * producer whose broker cannot delay delivery still offers {@code sendWithDelay}.
 *
 * {@snippet :
 * @Override
 * public void sendWithDelay(Message message, Duration delay) {
 *   if (delay.isZero()) {
 *     send(message);
 *   } else {
 *     scheduler.schedule(message, delay);
 *   }
 * }
 * }
 *
 * <p>Thread-safe. When a job fires, the scheduler looks up the producer of the message's header
 * topic in its {@link ProducerRegistry} and calls {@code send}, not {@code sendWithDelay}, so a
 * producer that delegates its delays here does not loop. A firing that fails (no producer for the
 * topic, a broker error) is logged; the in-memory scheduler does not retry it, and its jobs do not
 * survive a restart. Durable schedulers are future back ends of this interface.
 */
public interface MessageScheduler extends JobScheduler {

  /**
   * Gives the scheduler the producers due messages go out through; a later call replaces them. The
   * default does nothing, for schedulers that deliver some other way.
   */
  default void bind(ProducerRegistry producers) {}

  /**
   * Holds {@code message} until {@code at}, then sends it; a time already past sends it as soon as
   * possible.
   *
   * @return the job id, for {@link #reschedule} and {@link #cancel}
   */
  Id schedule(Message message, Instant at);

  /**
   * Holds {@code message} for {@code delay} on the scheduler's {@link #clock()}, then sends it.
   *
   * @throws IllegalArgumentException when {@code delay} is negative
   */
  default Id schedule(Message message, Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative: " + delay);
    }
    return schedule(message, clock().instant().plus(delay));
  }
}
