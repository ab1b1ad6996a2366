package io.brighter.kafka;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.internal.Settings;
import io.brighter.messaging.RoutingKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Kafka side of a subscription: the consumer group, where a new group starts, how often offsets
 * are committed, how the topic is created, and where unreadable messages go. A core {@link
 * io.brighter.messaging.Subscription} is built with its channel factory inside it, so these knobs
 * ride in the {@link KafkaChannelFactory} given to it; what the core record already holds (routing
 * key, channel name, buffer size, timeouts, dead-letter routing key, {@code makeChannels}) is read
 * from there.
 *
 * {@snippet :
 * KafkaSubscription kafka = KafkaSubscription.DEFAULT
 *     .withGroupId("greetings-service")
 *     .withCommitBatchSize(100)
 *     .withInvalidMessageRoutingKey(RoutingKey.of("greeting.added.invalid"));
 * Subscription subscription = Subscription.builder()
 *     .name("greetings")
 *     .routingKey(RoutingKey.of("greeting.added"))
 *     .requestType(GreetingAdded.class)
 *     .channelFactory(new KafkaChannelFactory(configuration, kafka))
 *     .build();
 * }
 *
 * <p><b>Offsets.</b> Nothing is committed automatically. An offset is committed only once every
 * message before it on its partition was settled (acknowledged, rejected or requeued), after {@link
 * #commitBatchSize} settlements, when {@link #commitInterval} has passed since the last commit,
 * when partitions are revoked in a rebalance, and when the consumer closes.
 *
 * @param groupId the consumer group; null for the subscription's channel name
 * @param offsetReset where a group with no committed offset starts reading
 * @param commitBatchSize how many settlements trigger a commit
 * @param commitInterval the longest a settled offset waits to be committed while the pump runs
 * @param sessionTimeout how long the group coordinator waits for a heartbeat
 * @param maxPollInterval the longest a handler may take between two receives before the consumer is
 *     thrown out of the group
 * @param numPartitions partitions of the topic when the consumer creates it
 * @param replicationFactor replicas of the topic when the consumer creates it
 * @param invalidMessageRoutingKey where unacceptable messages (unreadable, unmappable) go; null to
 *     send them to the dead-letter routing key with the rest
 * @param topicFindTimeout how long the topic check and topic creation may take
 * @param consumerProperties further consumer properties, applied last
 */
public record KafkaSubscription(
    @Nullable String groupId,
    OffsetReset offsetReset,
    int commitBatchSize,
    Duration commitInterval,
    Duration sessionTimeout,
    Duration maxPollInterval,
    int numPartitions,
    short replicationFactor,
    @Nullable RoutingKey invalidMessageRoutingKey,
    Duration topicFindTimeout,
    Map<String, String> consumerProperties) {

  /**
   * The defaults: group = channel name, start at the earliest offset, commit every 10 settlements
   * or every 5 s, session timeout 45 s, max poll interval 5 min, 1 partition, replication 1, no
   * invalid-message topic, topic timeout 10 s.
   */
  public static final KafkaSubscription DEFAULT =
      new KafkaSubscription(
          null,
          OffsetReset.EARLIEST,
          10,
          Duration.ofSeconds(5),
          Duration.ofSeconds(45),
          Duration.ofMinutes(5),
          1,
          (short) 1,
          null,
          Duration.ofSeconds(10),
          Map.of());

  /** Where a consumer group with no committed offset starts. */
  public enum OffsetReset {
    /** At the oldest record kept: a new group reads the topic's history. */
    EARLIEST,
    /** At the log end: a new group reads only what arrives after it joins. */
    LATEST
  }

  /** Checks the parts and copies the properties. */
  public KafkaSubscription {
    Settings.required(offsetReset, "KafkaSubscription.offsetReset");
    if (commitBatchSize < 1) {
      throw new ConfigurationException("KafkaSubscription.commitBatchSize must be at least 1");
    }
    Settings.required(commitInterval, "KafkaSubscription.commitInterval");
    Settings.required(sessionTimeout, "KafkaSubscription.sessionTimeout");
    Settings.required(maxPollInterval, "KafkaSubscription.maxPollInterval");
    if (numPartitions < 1 || replicationFactor < 1) {
      throw new ConfigurationException(
          "KafkaSubscription.numPartitions and replicationFactor must be at least 1");
    }
    Settings.required(topicFindTimeout, "KafkaSubscription.topicFindTimeout");
    consumerProperties = Map.copyOf(requireNonNull(consumerProperties, "consumerProperties"));
  }

  /** These settings with {@code value} as the consumer group. */
  public KafkaSubscription withGroupId(@Nullable String value) {
    return new KafkaSubscription(
        value,
        offsetReset,
        commitBatchSize,
        commitInterval,
        sessionTimeout,
        maxPollInterval,
        numPartitions,
        replicationFactor,
        invalidMessageRoutingKey,
        topicFindTimeout,
        consumerProperties);
  }

  /** These settings with {@code value} as where a new group starts. */
  public KafkaSubscription withOffsetReset(OffsetReset value) {
    return new KafkaSubscription(
        groupId,
        value,
        commitBatchSize,
        commitInterval,
        sessionTimeout,
        maxPollInterval,
        numPartitions,
        replicationFactor,
        invalidMessageRoutingKey,
        topicFindTimeout,
        consumerProperties);
  }

  /** These settings committing after {@code value} settlements. */
  public KafkaSubscription withCommitBatchSize(int value) {
    return new KafkaSubscription(
        groupId,
        offsetReset,
        value,
        commitInterval,
        sessionTimeout,
        maxPollInterval,
        numPartitions,
        replicationFactor,
        invalidMessageRoutingKey,
        topicFindTimeout,
        consumerProperties);
  }

  /** These settings committing settled offsets at least every {@code value}. */
  public KafkaSubscription withCommitInterval(Duration value) {
    return new KafkaSubscription(
        groupId,
        offsetReset,
        commitBatchSize,
        value,
        sessionTimeout,
        maxPollInterval,
        numPartitions,
        replicationFactor,
        invalidMessageRoutingKey,
        topicFindTimeout,
        consumerProperties);
  }

  /** These settings creating the topic with {@code partitions} and {@code replicas}. */
  public KafkaSubscription withTopicLayout(int partitions, short replicas) {
    return new KafkaSubscription(
        groupId,
        offsetReset,
        commitBatchSize,
        commitInterval,
        sessionTimeout,
        maxPollInterval,
        partitions,
        replicas,
        invalidMessageRoutingKey,
        topicFindTimeout,
        consumerProperties);
  }

  /** These settings sending unacceptable messages to {@code value}. */
  public KafkaSubscription withInvalidMessageRoutingKey(@Nullable RoutingKey value) {
    return new KafkaSubscription(
        groupId,
        offsetReset,
        commitBatchSize,
        commitInterval,
        sessionTimeout,
        maxPollInterval,
        numPartitions,
        replicationFactor,
        value,
        topicFindTimeout,
        consumerProperties);
  }

  /** These settings with the group's session timeout and max poll interval. */
  public KafkaSubscription withGroupTimeouts(Duration session, Duration maxPoll) {
    return new KafkaSubscription(
        groupId,
        offsetReset,
        commitBatchSize,
        commitInterval,
        session,
        maxPoll,
        numPartitions,
        replicationFactor,
        invalidMessageRoutingKey,
        topicFindTimeout,
        consumerProperties);
  }

  /** These settings with {@code value} as the topic check's and creation's timeout. */
  public KafkaSubscription withTopicFindTimeout(Duration value) {
    return new KafkaSubscription(
        groupId,
        offsetReset,
        commitBatchSize,
        commitInterval,
        sessionTimeout,
        maxPollInterval,
        numPartitions,
        replicationFactor,
        invalidMessageRoutingKey,
        value,
        consumerProperties);
  }

  /** These settings with one more consumer property (or a replaced one). */
  public KafkaSubscription withConsumerProperty(String key, String value) {
    Map<String, String> properties = new HashMap<>(consumerProperties);
    properties.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
    return new KafkaSubscription(
        groupId,
        offsetReset,
        commitBatchSize,
        commitInterval,
        sessionTimeout,
        maxPollInterval,
        numPartitions,
        replicationFactor,
        invalidMessageRoutingKey,
        topicFindTimeout,
        properties);
  }
}
