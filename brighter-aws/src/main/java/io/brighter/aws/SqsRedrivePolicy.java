package io.brighter.aws;

import io.brighter.ConfigurationException;
import org.jspecify.annotations.Nullable;

/**
 * SQS's own dead-lettering of a subscription's queue, set on the queue when the consumer creates
 * it: a message received more than {@code maxReceiveCount} times moves to the dead-letter queue
 * without the consumer's help. It works beside the transport's delivery budget (the subscription's
 * requeue count, which dead-letters with a rejection reason), and catches what that cannot: a
 * message whose handler crashes the process, or times out its visibility, again and again.
 *
 * {@snippet :
 * var options = SqsSubscription.DEFAULT.withRedrivePolicy(new SqsRedrivePolicy(5, null));
 * }
 *
 * @param maxReceiveCount receives before SQS moves the message, 1 to 1000
 * @param deadLetterQueueName the queue it moves to; null for the subscription's dead-letter queue
 *     (named after its dead-letter routing key), which the consumer creates first
 */
public record SqsRedrivePolicy(int maxReceiveCount, @Nullable String deadLetterQueueName) {

  private static final int MOST_RECEIVES = 1000;

  /** Checks the parts. */
  public SqsRedrivePolicy {
    if (maxReceiveCount < 1 || maxReceiveCount > MOST_RECEIVES) {
      throw new ConfigurationException(
          "SqsRedrivePolicy.maxReceiveCount must be 1 to 1000: " + maxReceiveCount);
    }
  }
}
