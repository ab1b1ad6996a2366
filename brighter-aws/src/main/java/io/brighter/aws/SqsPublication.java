package io.brighter.aws;

import io.brighter.ConfigurationException;
import org.jspecify.annotations.Nullable;

/**
 * The SQS settings of a point-to-point publication, carried beside the core {@link
 * io.brighter.messaging.Publication} (which names the topic and what to do when the queue is
 * missing).
 *
 * {@snippet :
 * var producer = new SqsMessageProducer(aws, publication, SqsPublication.DEFAULT.withFifo(true));
 * var elsewhere = new SqsMessageProducer(aws, publication,
 *     SqsPublication.DEFAULT.withQueueUrl("https://sqs.eu-west-1.amazonaws.com/123456789012/orders"));
 * }
 *
 * @param queueName the queue messages go to; null for the queue named after the publication's topic
 *     (a {@code .} becomes {@code _})
 * @param queueUrl the queue's URL, used as it is (the queue may be in another account): never
 *     created, checked unless the publication assumes its channels; null to find the queue by name
 * @param fifo whether the queue is a FIFO queue: messages of one partition key (the message group)
 *     arrive in order, once (deduplicated by message id)
 * @param maxMessageBytes the largest message, body and attributes, the queue takes: 1 MiB on AWS
 *     (since 2025; 256 KiB before); the outbox refuses a larger one when it is deposited
 */
public record SqsPublication(
    @Nullable String queueName, @Nullable String queueUrl, boolean fifo, long maxMessageBytes) {

  /** SQS's largest message on AWS: 1 MiB. */
  public static final long MAX_MESSAGE_BYTES = 1_048_576;

  /** The queue named after the topic, standard, messages up to 1 MiB. */
  public static final SqsPublication DEFAULT =
      new SqsPublication(null, null, false, MAX_MESSAGE_BYTES);

  /** Checks the parts. */
  public SqsPublication {
    if (maxMessageBytes <= 0) {
      throw new ConfigurationException(
          "SqsPublication.maxMessageBytes must be positive: " + maxMessageBytes);
    }
    SqsSubscription.checkQueueUrl(queueUrl, "SqsPublication.queueUrl");
  }

  /** These settings sending to the queue named {@code value}. */
  public SqsPublication withQueueName(@Nullable String value) {
    return new SqsPublication(value, queueUrl, fifo, maxMessageBytes);
  }

  /** These settings sending to the queue at {@code value}. */
  public SqsPublication withQueueUrl(@Nullable String value) {
    return new SqsPublication(queueName, value, fifo, maxMessageBytes);
  }

  /** These settings for a FIFO queue or not. */
  public SqsPublication withFifo(boolean value) {
    return new SqsPublication(queueName, queueUrl, value, maxMessageBytes);
  }

  /** These settings for a queue that takes messages up to {@code value} bytes. */
  public SqsPublication withMaxMessageBytes(long value) {
    return new SqsPublication(queueName, queueUrl, fifo, value);
  }
}
