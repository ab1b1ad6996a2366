package io.brighter.messaging;

import java.time.Duration;
import java.util.List;

/**
 * Reads messages from one channel (queue, subscription, partition set) of a broker. A message pump
 * owns one consumer and calls it from one thread.
 *
 * <p>Each message received must be settled exactly once: {@link #acknowledge} when handled, {@link
 * #reject} to dead-letter it, or {@link #requeue} to try again later. A message left unsettled is
 * redelivered when the consumer closes or its lease ends, as the broker decides.
 */
public interface MessageConsumer extends AutoCloseable {

  /**
   * Up to the subscription's buffer size of messages, waiting at most {@code timeout} for the
   * first; an empty list when none arrived.
   */
  List<Message> receive(Duration timeout);

  /** Marks {@code message} handled, so it is not delivered again. */
  void acknowledge(Message message);

  /**
   * Rejects {@code message}: it goes to the channel's dead letter destination (or is dropped where
   * there is none), with {@code reason} in its bag under {@link HeaderNames#REJECTION_REASON}.
   *
   * @return whether the broker took the rejection
   */
  boolean reject(Message message, String reason);

  /**
   * Puts {@code message} back to be delivered again after {@code delay}, its handled count kept.
   *
   * @return whether the broker took it back
   */
  boolean requeue(Message message, Duration delay);

  /** Removes every message waiting on the channel. */
  void purge();

  /** Releases the consumer's connection; unsettled messages return to the broker. */
  @Override
  void close();
}
