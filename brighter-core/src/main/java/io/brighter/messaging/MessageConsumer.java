package io.brighter.messaging;

import java.time.Duration;
import java.util.List;

/**
 * Reads messages from one channel (queue, subscription, partition set) of a broker. A message pump
 * owns one consumer and calls it from one thread.
 *
 * <p>Each message received must be settled exactly once: {@link #acknowledge} when handled, {@link
 * #reject} to dead-letter it, {@link #requeue} to try again later, or {@link #nack} to give it back
 * as it is. A message left unsettled is redelivered when the consumer closes or its lease ends, as
 * the broker decides. A consumer attaches a {@link Receipt} to each message it hands out and
 * settles by it; pass the message (or a copy made with {@link Message#withHeader}) back.
 *
 * <p><b>Failures.</b> A settlement that finds the connection gone throws {@link
 * ChannelFailureException}: the broker delivers the message again by itself. One the broker does
 * not take returns {@code false} (or throws another exception); the message pump tries it again and
 * then stops, so the consumer closes and the message comes back.
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
   * there is none), with the reason's {@link RejectionReason#text() text} in its bag under {@link
   * HeaderNames#REJECTION_REASON}.
   *
   * @return whether the broker took the rejection
   */
  boolean reject(Message message, RejectionReason reason);

  /**
   * Puts {@code message} back to be delivered again after {@code delay}, its handled count kept.
   *
   * @return whether the broker took it back
   */
  boolean requeue(Message message, Duration delay);

  /**
   * Gives {@code message} back to the channel as it came, neither handled nor counted: what a pump
   * does when a handler asks not to acknowledge it ({@link io.brighter.actions.DontAckAction}). The
   * default requeues it at once; a transport overrides it with the broker's own negative
   * acknowledgement.
   *
   * @return whether the broker took it back
   * @since 0.2
   */
  default boolean nack(Message message) {
    return requeue(message, Duration.ZERO);
  }

  /** Removes every message waiting on the channel. */
  void purge();

  /** Releases the consumer's connection; unsettled messages return to the broker. */
  @Override
  void close();
}
