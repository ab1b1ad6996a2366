package io.brighter.spring.boot;

import io.brighter.Request;
import io.brighter.kafka.KafkaSubscription;
import io.brighter.messaging.MessagePumpType;
import io.brighter.messaging.OnMissingChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kafka transport's settings, under {@code brighter.kafka}: the publications and subscriptions,
 * so an application needs no transport beans. The cluster is Spring Boot's own {@code
 * spring.kafka.bootstrap-servers}, {@code spring.kafka.client-id}, {@code
 * spring.kafka.security.protocol} and {@code spring.kafka.properties.*} unless the settings here
 * name them.
 *
 * <pre>
 * spring.kafka.bootstrap-servers=kafka-1:9092,kafka-2:9092
 * brighter.kafka.publications[0].topic=greeting.added
 * brighter.kafka.publications[0].request-type=com.example.GreetingAdded
 * brighter.kafka.subscriptions[0].name=greeter
 * brighter.kafka.subscriptions[0].routing-key=greeting.added
 * brighter.kafka.subscriptions[0].request-type=com.example.GreetingAdded
 * </pre>
 *
 * @param bootstrapServers The cluster, {@code host:port} pairs; else {@code
 *     spring.kafka.bootstrap-servers}, else {@code localhost:9092}
 * @param clientId The prefix of every client's id; else {@code spring.kafka.client-id}, else {@code
 *     brighter}
 * @param properties Further client properties for every producer, consumer and admin client
 *     (security, SASL, TLS), over those of {@code spring.kafka.properties.*}
 * @param publications The topics the application sends to, one producer each
 * @param subscriptions The topics the dispatcher reads, one subscription each
 */
@ConfigurationProperties("brighter.kafka")
public record BrighterKafkaProperties(
    @Nullable String bootstrapServers,
    @Nullable String clientId,
    @DefaultValue Map<String, String> properties,
    @DefaultValue List<Publication> publications,
    @DefaultValue List<Subscription> subscriptions) {

  /**
   * One publication: a producer to the topic. Settings left out take the defaults of
   * KafkaPublication.
   *
   * @param topic The topic
   * @param requestType The request type sent to this topic, when the topic cannot be told from it
   * @param makeChannels What to do when the topic is missing: create, validate or assume
   * @param numPartitions Partitions of the topic when the producer creates it
   * @param replicationFactor Replicas of the topic when the producer creates it
   * @param linger How long the producer waits to fill a batch
   * @param producerProperties Further producer properties, applied last
   */
  public record Publication(
      String topic,
      @Nullable Class<? extends Request> requestType,
      @DefaultValue("create") OnMissingChannel makeChannels,
      @DefaultValue("1") int numPartitions,
      @DefaultValue("1") short replicationFactor,
      @Nullable Duration linger,
      @DefaultValue Map<String, String> producerProperties)
      implements PublicationProperties {}

  /**
   * One subscription: a consumer group reading the topic. Settings left out take the defaults of
   * Subscription and KafkaSubscription.
   *
   * @param name The subscription's name
   * @param channelName The channel's name, and the consumer group's unless {@code group-id} is set;
   *     the name when not set
   * @param routingKey The topic read
   * @param requestType The request type the messages map to
   * @param makeChannels What to do when the topic is missing
   * @param messagePumpType reactor (blocking handlers) or proactor (asynchronous handlers)
   * @param performers The number of pumps, each a consumer of the group
   * @param bufferSize Messages a receive returns
   * @param timeout How long a receive waits for a message
   * @param requeueCount How many times a message may be requeued before it is dead-lettered; -1 for
   *     no limit
   * @param requeueDelay The delay of a requeue
   * @param unacceptableMessageLimit Unacceptable messages before the pump stops; 0 for no limit
   * @param deadLetterRoutingKey The topic rejected messages go to
   * @param invalidMessageRoutingKey The topic unreadable messages go to; the dead-letter topic when
   *     not set
   * @param groupId The consumer group; the channel's name when not set
   * @param offsetReset Where a group with no committed offset starts: earliest or latest; else
   *     {@code spring.kafka.consumer.auto-offset-reset}, else earliest
   * @param commitBatchSize How many settlements trigger an offset commit
   * @param numPartitions Partitions of the topic when the consumer creates it
   * @param replicationFactor Replicas of the topic when the consumer creates it
   * @param consumerProperties Further consumer properties, applied last
   */
  public record Subscription(
      String name,
      @Nullable String channelName,
      String routingKey,
      Class<? extends Request> requestType,
      @DefaultValue("create") OnMissingChannel makeChannels,
      @DefaultValue("reactor") MessagePumpType messagePumpType,
      @Nullable Integer performers,
      @Nullable Integer bufferSize,
      @Nullable Duration timeout,
      @Nullable Integer requeueCount,
      @Nullable Duration requeueDelay,
      @Nullable Integer unacceptableMessageLimit,
      @Nullable String deadLetterRoutingKey,
      @Nullable String invalidMessageRoutingKey,
      @Nullable String groupId,
      KafkaSubscription.@Nullable OffsetReset offsetReset,
      @DefaultValue("10") int commitBatchSize,
      @DefaultValue("1") int numPartitions,
      @DefaultValue("1") short replicationFactor,
      @DefaultValue Map<String, String> consumerProperties)
      implements SubscriptionProperties {}
}
