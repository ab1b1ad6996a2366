package io.brighter.messaging;

import java.util.List;
import java.util.function.Predicate;

/**
 * A transport's dead-letter queue as operators see it: the messages rejected from one channel,
 * which can be looked at, sent back to the topics they were rejected from (re-driven), or purged.
 *
 * <p><b>Re-drive is at-least-once.</b> An implementation takes each dead letter it re-drives out of
 * the queue only once the broker has confirmed its copy on the original topic. A crash in between
 * leaves the message in the queue as well as re-delivered, never in neither. Each copy is a new
 * delivery: {@link DeadLetter#redriveCopy()} says how many times it was re-driven.
 *
 * {@snippet :
 * DeadLetterQueue dlq = new RmqDeadLetterQueue(connection, "greetings.dlq");
 * for (DeadLetter letter : dlq.peek(20)) {
 *   log.info("{} from {}: {}", letter.id(), letter.originalTopic(), letter.reason());
 * }
 * int redriven = dlq.redrive(letter -> letter.reason().contains("timeout"), 1_000);
 * }
 */
public interface DeadLetterQueue {

  /** The queue's name, as operators know it. */
  String name();

  /** Up to {@code limit} dead letters, oldest first, left in the queue. */
  List<DeadLetter> peek(int limit);

  /**
   * Re-drives, among the first {@code limit} dead letters, those {@code which} matches and that say
   * where they came from; the rest stay, in their order.
   *
   * @return how many were re-driven
   */
  int redrive(Predicate<DeadLetter> which, int limit);

  /**
   * How many dead letters the queue holds, from the broker's own count where it keeps one, without
   * reading them. The default reads at most 10,000 to count them.
   */
  default long count() {
    return peek(10_000).size();
  }

  /**
   * Removes every dead letter.
   *
   * @return how many were removed
   */
  long purge();
}
