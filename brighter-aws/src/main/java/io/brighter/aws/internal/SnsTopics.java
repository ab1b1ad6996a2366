package io.brighter.aws.internal;

import io.brighter.ConfigurationException;
import io.brighter.messaging.OnMissingChannel;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Topic;

/**
 * Finds SNS topics by name, and makes them when asked: {@link OnMissingChannel#CREATE} creates the
 * topic (SNS returns the existing one of that name), {@code VALIDATE} and {@code ASSUME} look it up
 * among the account's topics, the first failing with {@link ConfigurationException} when it is
 * missing.
 */
public final class SnsTopics {

  private SnsTopics() {}

  /**
   * The ARN of the topic {@code name}, created first under {@code CREATE} as a FIFO topic or not.
   *
   * @return the ARN; null under {@code ASSUME} when the topic is missing
   * @throws ConfigurationException under {@code VALIDATE} when the topic is missing
   */
  public static @Nullable String arn(
      SnsClient client, String name, boolean fifo, OnMissingChannel mode) {
    if (mode == OnMissingChannel.CREATE) {
      Map<String, String> attributes =
          fifo ? Map.of("FifoTopic", "true", "ContentBasedDeduplication", "false") : Map.of();
      return client.createTopic(request -> request.name(name).attributes(attributes)).topicArn();
    }
    for (Topic topic : client.listTopicsPaginator().topics()) {
      if (topic.topicArn().endsWith(":" + name)) {
        return topic.topicArn();
      }
    }
    if (mode == OnMissingChannel.VALIDATE) {
      throw new ConfigurationException("SNS topic " + name + " does not exist");
    }
    return null;
  }
}
