package io.brighter.kafka.internal;

import io.brighter.ConfigurationException;
import io.brighter.messaging.ChannelFailureException;
import io.brighter.messaging.OnMissingChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.internals.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a topic is there as a publication or subscription asks: {@link
 * OnMissingChannel#CREATE} creates it with the configured partitions and replication when missing,
 * {@link OnMissingChannel#VALIDATE} fails with a {@link ConfigurationException} when it is missing,
 * and {@link OnMissingChannel#ASSUME} asks the broker nothing.
 */
public final class TopicProvisioner {

  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

  private TopicProvisioner() {}

  /**
   * Checks each of {@code topics} against Kafka's rules for topic names (at most 249 of letters,
   * digits, periods, underscores and hyphens, and not "." or ".."), before any reaches a broker.
   *
   * @throws ConfigurationException naming the topic and the rule it breaks
   */
  public static void checkNames(List<String> topics) {
    for (String topic : topics) {
      try {
        Topic.validate(topic);
      } catch (InvalidTopicException e) {
        throw new ConfigurationException("Kafka topic name '" + topic + "': " + e.getMessage(), e);
      }
    }
  }

  /**
   * Provisions {@code topics}, all with the same layout, in one round of admin calls.
   *
   * @param clientProperties connection properties for an admin client
   * @throws ConfigurationException when a topic name is invalid, or under {@code VALIDATE} when the
   *     topic does not exist
   * @throws ChannelFailureException when the broker does not answer within {@code timeout}
   */
  public static void provision(
      Map<String, Object> clientProperties,
      List<String> topics,
      OnMissingChannel makeChannels,
      int partitions,
      short replicationFactor,
      Duration timeout) {
    checkNames(topics);
    if (makeChannels == OnMissingChannel.ASSUME) {
      return;
    }
    String first = topics.getFirst();
    try (Admin admin = Admin.create(clientProperties)) {
      Set<String> existing = await(admin.listTopics().names(), first, timeout);
      List<String> missing = topics.stream().distinct().filter(t -> !existing.contains(t)).toList();
      if (missing.isEmpty()) {
        return;
      }
      if (makeChannels == OnMissingChannel.VALIDATE) {
        throw new ConfigurationException(
            "Kafka topic(s) "
                + missing
                + " do not exist, and OnMissingChannel.VALIDATE does not create them");
      }
      for (String topic : missing) {
        create(admin, topic, partitions, replicationFactor, timeout);
      }
    }
  }

  private static void create(
      Admin admin, String topic, int partitions, short replicationFactor, Duration timeout) {
    try {
      await(
          admin.createTopics(List.of(new NewTopic(topic, partitions, replicationFactor))).all(),
          topic,
          timeout);
      LOG.info(
          "Created Kafka topic {} ({} partitions, replication {})",
          topic,
          partitions,
          replicationFactor);
    } catch (ChannelFailureException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  private static <T> T await(KafkaFuture<T> future, String topic, Duration timeout) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ChannelFailureException.of(topic, e);
    } catch (ExecutionException e) {
      throw ChannelFailureException.of(topic, e.getCause() != null ? e.getCause() : e);
    } catch (TimeoutException e) {
      throw ChannelFailureException.of(topic, e);
    }
  }
}
