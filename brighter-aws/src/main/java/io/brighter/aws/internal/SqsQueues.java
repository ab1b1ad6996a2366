package io.brighter.aws.internal;

import io.brighter.ConfigurationException;
import io.brighter.messaging.OnMissingChannel;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/**
 * Finds SQS queues by name, and makes them when asked: {@link OnMissingChannel#CREATE} creates the
 * queue (SQS returns the existing one when it has the same attributes), {@code VALIDATE} and {@code
 * ASSUME} only look it up, the first failing with {@link ConfigurationException} when it is
 * missing.
 */
public final class SqsQueues {

  private SqsQueues() {}

  /**
   * The URL of the queue {@code name}, created first under {@code CREATE} as a FIFO queue or not,
   * with {@code attributes}.
   *
   * @return the URL; null under {@code ASSUME} when the queue is missing
   * @throws ConfigurationException under {@code VALIDATE} when the queue is missing
   */
  public static @Nullable String url(
      SqsClient client,
      String name,
      boolean fifo,
      Map<QueueAttributeName, String> attributes,
      OnMissingChannel mode) {
    if (mode == OnMissingChannel.CREATE) {
      Map<QueueAttributeName, String> created = new HashMap<>(attributes);
      if (fifo) {
        created.put(QueueAttributeName.FIFO_QUEUE, "true");
      }
      try {
        return client
            .createQueue(request -> request.queueName(name).attributes(created))
            .queueUrl();
      } catch (QueueNameExistsException e) {
        return client.getQueueUrl(request -> request.queueName(name)).queueUrl(); // other settings
      }
    }
    try {
      return client.getQueueUrl(request -> request.queueName(name)).queueUrl();
    } catch (QueueDoesNotExistException e) {
      if (mode == OnMissingChannel.VALIDATE) {
        throw new ConfigurationException("SQS queue " + name + " does not exist", e);
      }
      return null;
    }
  }
}
