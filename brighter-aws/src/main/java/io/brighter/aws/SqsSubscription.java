package io.brighter.aws;

import io.brighter.ConfigurationException;
import java.time.Duration;

/**
 * The SQS settings of the consumers of a subscription, carried by the channel factory beside the
 * core {@link io.brighter.messaging.Subscription}.
 *
 * {@snippet :
 * var factory = new SqsChannelFactory(aws, SqsSubscription.DEFAULT.withVisibilityTimeout(Duration.ofMinutes(2)));
 * }
 *
 * @param visibilityTimeout how long a received message stays hidden from other consumers while it
 *     is handled (the queue's {@code VisibilityTimeout} when the consumer makes the queue): a
 *     handler that takes longer sees the message delivered again, and its settlement fails (logged,
 *     never fatal)
 * @param fifo whether the queue is a FIFO queue
 */
public record SqsSubscription(Duration visibilityTimeout, boolean fifo) {

  /** Visibility timeout 30 s (SQS's default), standard queues. */
  public static final SqsSubscription DEFAULT = new SqsSubscription(Duration.ofSeconds(30), false);

  private static final long MAX_VISIBILITY_SECONDS = 43_200;

  /** Checks the parts. */
  public SqsSubscription {
    if (visibilityTimeout == null
        || visibilityTimeout.isNegative()
        || visibilityTimeout.toSeconds() > MAX_VISIBILITY_SECONDS) {
      throw new ConfigurationException(
          "SqsSubscription.visibilityTimeout must be 0 to 12 hours: " + visibilityTimeout);
    }
  }

  /** These settings with a visibility timeout of {@code value}. */
  public SqsSubscription withVisibilityTimeout(Duration value) {
    return new SqsSubscription(value, fifo);
  }

  /** These settings for FIFO queues or not. */
  public SqsSubscription withFifo(boolean value) {
    return new SqsSubscription(visibilityTimeout, value);
  }
}
