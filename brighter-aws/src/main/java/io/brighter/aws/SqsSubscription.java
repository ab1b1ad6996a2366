package io.brighter.aws;

import io.brighter.ConfigurationException;
import java.time.Duration;

/**
 * The SQS settings of the consumers of a subscription, carried by the channel factory beside the
 * core {@link io.brighter.messaging.Subscription}.
 *
 * {@snippet :
 * var factory = new SqsChannelFactory(aws, SqsSubscription.DEFAULT.withVisibilityTimeout(Duration.ofMinutes(2)));
 * var direct = new SqsChannelFactory(aws, SqsSubscription.DEFAULT.withChannelType(SqsChannelType.POINT_TO_POINT));
 * }
 *
 * @param channelType publish-subscribe (an SNS topic named after the routing key feeds a queue
 *     named after the channel) or point to point (the queue is named after the routing key)
 * @param visibilityTimeout how long a received message stays hidden from other consumers while it
 *     is handled (the queue's {@code VisibilityTimeout} when the consumer makes the queue): a
 *     handler that takes longer sees the message delivered again, and its settlement fails (logged,
 *     never fatal)
 * @param rawMessageDelivery whether the topic delivers the message as it was published (its
 *     attributes as SQS attributes) rather than in SNS's notification envelope; both are read
 * @param fifo whether the queue (and topic) is FIFO
 */
public record SqsSubscription(
    SqsChannelType channelType,
    Duration visibilityTimeout,
    boolean rawMessageDelivery,
    boolean fifo) {

  /** Publish-subscribe, visibility timeout 30 s (SQS's default), raw delivery, standard. */
  public static final SqsSubscription DEFAULT =
      new SqsSubscription(SqsChannelType.PUBLISH_SUBSCRIBE, Duration.ofSeconds(30), true, false);

  private static final long MAX_VISIBILITY_SECONDS = 43_200;

  /** Checks the parts. */
  public SqsSubscription {
    if (channelType == null) {
      throw new ConfigurationException("SqsSubscription.channelType may not be null");
    }
    if (visibilityTimeout == null
        || visibilityTimeout.isNegative()
        || visibilityTimeout.toSeconds() > MAX_VISIBILITY_SECONDS) {
      throw new ConfigurationException(
          "SqsSubscription.visibilityTimeout must be 0 to 12 hours: " + visibilityTimeout);
    }
  }

  /** These settings with channel type {@code value}. */
  public SqsSubscription withChannelType(SqsChannelType value) {
    return new SqsSubscription(value, visibilityTimeout, rawMessageDelivery, fifo);
  }

  /** These settings with a visibility timeout of {@code value}. */
  public SqsSubscription withVisibilityTimeout(Duration value) {
    return new SqsSubscription(channelType, value, rawMessageDelivery, fifo);
  }

  /** These settings with raw message delivery or the notification envelope. */
  public SqsSubscription withRawMessageDelivery(boolean value) {
    return new SqsSubscription(channelType, visibilityTimeout, value, fifo);
  }

  /** These settings for FIFO queues (and topics) or not. */
  public SqsSubscription withFifo(boolean value) {
    return new SqsSubscription(channelType, visibilityTimeout, rawMessageDelivery, value);
  }
}
