package io.brighter.aws;

import io.brighter.ConfigurationException;
import org.jspecify.annotations.Nullable;

/**
 * The SNS settings of a publication, carried beside the core {@link
 * io.brighter.messaging.Publication} (which names the topic and what to do when it is missing).
 *
 * {@snippet :
 * var producer = new SnsMessageProducer(aws, publication, SnsPublication.DEFAULT.withFifo(true));
 * }
 *
 * @param topicArn the topic's ARN, used as it is (it may be in another account): never created,
 *     checked unless the publication assumes its channels; null to find (or make) the topic by the
 *     publication's topic name (a {@code .} becomes {@code _})
 * @param fifo whether the topic is a FIFO topic: messages of one partition key (the message group)
 *     reach FIFO queues in order, once (deduplicated by message id)
 * @param maxMessageBytes the largest message, body and attributes, the topic takes: 256 KiB on SNS;
 *     the outbox refuses a larger one when it is deposited
 */
public record SnsPublication(@Nullable String topicArn, boolean fifo, long maxMessageBytes) {

  /** SNS's largest message: 256 KiB. */
  public static final long MAX_MESSAGE_BYTES = 262_144;

  /** The topic found by name, standard, messages up to 256 KiB. */
  public static final SnsPublication DEFAULT = new SnsPublication(null, false, MAX_MESSAGE_BYTES);

  /** Checks the parts. */
  public SnsPublication {
    if (maxMessageBytes <= 0) {
      throw new ConfigurationException(
          "SnsPublication.maxMessageBytes must be positive: " + maxMessageBytes);
    }
    if (topicArn != null && !topicArn.startsWith("arn:")) {
      throw new ConfigurationException("SnsPublication.topicArn is not an ARN: " + topicArn);
    }
  }

  /** These settings publishing to the topic {@code value}. */
  public SnsPublication withTopicArn(@Nullable String value) {
    return new SnsPublication(value, fifo, maxMessageBytes);
  }

  /** These settings for a FIFO topic or not. */
  public SnsPublication withFifo(boolean value) {
    return new SnsPublication(topicArn, value, maxMessageBytes);
  }

  /** These settings for a topic that takes messages up to {@code value} bytes. */
  public SnsPublication withMaxMessageBytes(long value) {
    return new SnsPublication(topicArn, fifo, value);
  }
}
