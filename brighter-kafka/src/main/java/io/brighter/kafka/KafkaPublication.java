package io.brighter.kafka;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.internal.Settings;
import io.brighter.messaging.Publication;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link Publication} with the knobs of its Kafka producer: how to create the topic and how the
 * producer batches and times out. Acknowledgement by all in-sync replicas ({@code acks=all}) and
 * idempotence are always on, so a retried send never duplicates or reorders a message.
 *
 * {@snippet :
 * KafkaPublication publication = KafkaPublication.of(
 *         Publication.builder()
 *             .topic(RoutingKey.of("greeting.added"))
 *             .requestType(GreetingAdded.class)
 *             .build())
 *     .withNumPartitions(6)
 *     .withReplicationFactor((short) 3);
 * }
 *
 * @param publication the topic, request type and CloudEvents attributes
 * @param numPartitions partitions of the topic when the producer creates it
 * @param replicationFactor replicas of the topic when the producer creates it
 * @param linger how long the producer waits to fill a batch ({@code linger.ms})
 * @param batchSize the most bytes of one partition's batch ({@code batch.size}); Brighter's records
 *     carry some twenty headers, so the default is larger than Kafka's 16 KiB
 * @param requestTimeout how long one broker request may take; also the topic check's timeout
 * @param deliveryTimeout how long a send may take, retries included, before it is reported failed
 * @param maxBlock how long a send may block for metadata or buffer space ({@code max.block.ms})
 * @param producerProperties further producer properties, applied last ({@code compression.type},
 *     {@code batch.size}...)
 */
public record KafkaPublication(
    Publication publication,
    int numPartitions,
    short replicationFactor,
    Duration linger,
    int batchSize,
    Duration requestTimeout,
    Duration deliveryTimeout,
    Duration maxBlock,
    Map<String, String> producerProperties) {

  /** The default {@link #batchSize}: 256 KiB. */
  public static final int DEFAULT_BATCH_SIZE = 256 * 1024;

  /** Checks the parts and copies the properties. */
  public KafkaPublication {
    Settings.required(publication, "KafkaPublication.publication");
    if (numPartitions < 1) {
      throw new ConfigurationException("KafkaPublication.numPartitions must be at least 1");
    }
    if (replicationFactor < 1) {
      throw new ConfigurationException("KafkaPublication.replicationFactor must be at least 1");
    }
    Settings.required(linger, "KafkaPublication.linger");
    if (batchSize < 1) {
      throw new ConfigurationException("KafkaPublication.batchSize must be at least 1");
    }
    Settings.required(requestTimeout, "KafkaPublication.requestTimeout");
    Settings.required(deliveryTimeout, "KafkaPublication.deliveryTimeout");
    Settings.required(maxBlock, "KafkaPublication.maxBlock");
    if (deliveryTimeout.compareTo(linger.plus(requestTimeout)) < 0) {
      throw new ConfigurationException(
          "KafkaPublication.deliveryTimeout must be at least linger + requestTimeout");
    }
    producerProperties = Map.copyOf(requireNonNull(producerProperties, "producerProperties"));
  }

  /**
   * {@code publication} with the defaults: 1 partition, replication 1, linger 5 ms, batches of up
   * to 256 KiB, request timeout 10 s, delivery timeout 30 s, max block 10 s.
   */
  public static KafkaPublication of(Publication publication) {
    return new KafkaPublication(
        publication,
        1,
        (short) 1,
        Duration.ofMillis(5),
        DEFAULT_BATCH_SIZE,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        Map.of());
  }

  /** This publication with {@code value} partitions for a created topic. */
  public KafkaPublication withNumPartitions(int value) {
    return new KafkaPublication(
        publication,
        value,
        replicationFactor,
        linger,
        batchSize,
        requestTimeout,
        deliveryTimeout,
        maxBlock,
        producerProperties);
  }

  /** This publication with {@code value} replicas for a created topic. */
  public KafkaPublication withReplicationFactor(short value) {
    return new KafkaPublication(
        publication,
        numPartitions,
        value,
        linger,
        batchSize,
        requestTimeout,
        deliveryTimeout,
        maxBlock,
        producerProperties);
  }

  /** This publication with {@code value} as {@code linger.ms}. */
  public KafkaPublication withLinger(Duration value) {
    return new KafkaPublication(
        publication,
        numPartitions,
        replicationFactor,
        value,
        batchSize,
        requestTimeout,
        deliveryTimeout,
        maxBlock,
        producerProperties);
  }

  /** This publication with batches of up to {@code bytes} per partition. */
  public KafkaPublication withBatchSize(int bytes) {
    return new KafkaPublication(
        publication,
        numPartitions,
        replicationFactor,
        linger,
        bytes,
        requestTimeout,
        deliveryTimeout,
        maxBlock,
        producerProperties);
  }

  /** This publication with the three timeouts. */
  public KafkaPublication withTimeouts(Duration request, Duration delivery, Duration block) {
    return new KafkaPublication(
        publication,
        numPartitions,
        replicationFactor,
        linger,
        batchSize,
        request,
        delivery,
        block,
        producerProperties);
  }

  /** This publication with one more producer property (or a replaced one). */
  public KafkaPublication withProducerProperty(String key, String value) {
    Map<String, String> properties = new HashMap<>(producerProperties);
    properties.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
    return new KafkaPublication(
        publication,
        numPartitions,
        replicationFactor,
        linger,
        batchSize,
        requestTimeout,
        deliveryTimeout,
        maxBlock,
        properties);
  }
}
