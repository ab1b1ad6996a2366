package io.brighter.aws.internal;

import io.brighter.ConfigurationException;
import io.brighter.messaging.OnMissingChannel;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * One SQS queue a producer or consumer uses, found once and remembered: by its URL, given, or by
 * its name, made, checked or assumed as {@link OnMissingChannel} says ({@link SqsQueues}). An
 * assumed queue that was missing at first is looked up again on each use until it exists.
 * Thread-safe.
 */
public final class SqsQueue {

  private final SqsClient client;
  private final String name;
  private final boolean fifo;
  private final Map<QueueAttributeName, String> attributes;
  private final OnMissingChannel mode;
  private volatile @Nullable String url;

  private SqsQueue(
      SqsClient client,
      String name,
      boolean fifo,
      Map<QueueAttributeName, String> attributes,
      OnMissingChannel mode,
      @Nullable String url) {
    this.client = client;
    this.name = name;
    this.fifo = fifo;
    this.attributes = Map.copyOf(attributes);
    this.mode = mode;
    this.url = url;
  }

  /**
   * The queue at {@code url} when one is given ({@link #at}), else the queue {@code name} ({@link
   * #named}).
   *
   * @throws ConfigurationException when the queue must exist and does not
   */
  public static SqsQueue find(
      SqsClient client,
      @Nullable String url,
      String name,
      boolean fifo,
      Map<QueueAttributeName, String> attributes,
      OnMissingChannel mode) {
    return url != null ? at(client, url, mode) : named(client, name, fifo, attributes, mode);
  }

  /**
   * The queue {@code name}, made now under {@code CREATE} with {@code attributes} (beside the FIFO
   * one), checked now under {@code VALIDATE}.
   *
   * @throws ConfigurationException under {@code VALIDATE} when the queue is missing
   */
  public static SqsQueue named(
      SqsClient client,
      String name,
      boolean fifo,
      Map<QueueAttributeName, String> attributes,
      OnMissingChannel mode) {
    return new SqsQueue(
        client, name, fifo, attributes, mode, SqsQueues.url(client, name, fifo, attributes, mode));
  }

  /**
   * The queue at {@code url}, which may be in another account: never made, checked now unless
   * {@code mode} is {@code ASSUME}.
   *
   * @throws ConfigurationException when the queue must exist and does not
   */
  public static SqsQueue at(SqsClient client, String url, OnMissingChannel mode) {
    String name = url.substring(url.lastIndexOf('/') + 1);
    if (mode != OnMissingChannel.ASSUME) {
      try {
        client.getQueueAttributes(
            request -> request.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN));
      } catch (QueueDoesNotExistException e) {
        throw new ConfigurationException("SQS queue " + url + " does not exist", e);
      }
    }
    return new SqsQueue(client, name, name.endsWith(".fifo"), Map.of(), mode, url);
  }

  /** The queue's name. */
  public String name() {
    return name;
  }

  /** The queue's URL, if it is known (an assumed queue may not exist yet). */
  public @Nullable String knownUrl() {
    return url;
  }

  /**
   * The queue's URL, looked up now if the queue was assumed and missing until now.
   *
   * @throws IllegalStateException when the queue does not exist
   */
  public String url() {
    String known = url;
    if (known == null) {
      known = SqsQueues.url(client, name, fifo, attributes, mode);
      if (known == null) {
        throw new IllegalStateException("SQS queue " + name + " does not exist");
      }
      url = known;
    }
    return known;
  }

  /**
   * The queue's ARN, asked of SQS.
   *
   * @throws IllegalStateException when the queue does not exist or SQS gives no ARN
   */
  public String arn() {
    String queueUrl = url();
    String arn =
        client
            .getQueueAttributes(
                request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    if (arn == null) {
      throw new IllegalStateException("SQS gave no ARN for the queue at " + queueUrl);
    }
    return arn;
  }
}
