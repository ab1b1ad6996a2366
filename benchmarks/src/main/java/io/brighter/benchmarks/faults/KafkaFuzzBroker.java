package io.brighter.benchmarks.faults;

import io.brighter.messaging.HeaderNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

/**
 * Scenario 6 on the matrix's Kafka broker, through the vendor's clients: publishes with {@code
 * acks=all}, reads the dead-letter ({@code <topic>.dlq}) and invalid-message ({@code
 * <topic>.invalid}) topics from their start, and counts the records of the topic past the offsets
 * the consumer group (named as the topic) committed.
 */
final class KafkaFuzzBroker implements FuzzBroker {

  private final String topic;
  private final KafkaProducer<byte[], byte[]> producer;
  private final KafkaConsumer<byte[], byte[]> reader;
  private final Admin admin;
  private final Map<Integer, String> deadLetters = new HashMap<>();
  private long copies;

  /** Needs the topics to exist: the consumer makes them when it starts. */
  KafkaFuzzBroker(String bootstrap, String topic) {
    this.topic = topic;
    Properties producing = new Properties();
    producing.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    producing.put(ProducerConfig.ACKS_CONFIG, "all");
    producing.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    this.producer =
        new KafkaProducer<>(producing, new ByteArraySerializer(), new ByteArraySerializer());
    Properties reading = new Properties();
    reading.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    reading.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.reader =
        new KafkaConsumer<>(reading, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> deadLetterPartitions = new ArrayList<>();
    for (String deadLetterTopic : List.of(topic + ".dlq", topic + ".invalid")) {
      for (PartitionInfo partition : reader.partitionsFor(deadLetterTopic)) {
        deadLetterPartitions.add(new TopicPartition(deadLetterTopic, partition.partition()));
      }
    }
    reader.assign(deadLetterPartitions);
    reader.seekToBeginning(deadLetterPartitions);
    Properties administering = new Properties();
    administering.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    this.admin = Admin.create(administering);
  }

  @Override
  public void publish(FuzzMessage message) {
    ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, message.body());
    for (FuzzMessage.Header header : message.headers()) {
      record.headers().add(header.name(), bytes(header.value()));
    }
    producer.send(record);
  }

  @Override
  public void flush() {
    producer.flush();
  }

  @Override
  public Map<Integer, String> deadLetters() {
    for (ConsumerRecords<byte[], byte[]> records = reader.poll(Duration.ofMillis(500));
        !records.isEmpty();
        records = reader.poll(Duration.ofMillis(500))) {
      for (ConsumerRecord<byte[], byte[]> copy : records) {
        copies++;
        Header sequence = copy.headers().lastHeader(FuzzMessages.SEQUENCE);
        if (sequence != null) {
          Header reason = copy.headers().lastHeader(HeaderNames.REJECTION_REASON);
          deadLetters.put(
              Integer.valueOf(text(sequence.value())), reason == null ? "" : text(reason.value()));
        }
      }
    }
    return Map.copyOf(deadLetters);
  }

  @Override
  public long deadLetterCopies() {
    return copies;
  }

  @Override
  public long unsettled() throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(topic)
            .partitionsToOffsetAndMetadata()
            .get(30, TimeUnit.SECONDS);
    List<TopicPartition> partitions = new ArrayList<>();
    for (PartitionInfo partition : reader.partitionsFor(topic)) {
      partitions.add(new TopicPartition(topic, partition.partition()));
    }
    long unsettled = 0;
    for (Map.Entry<TopicPartition, Long> end : reader.endOffsets(partitions).entrySet()) {
      OffsetAndMetadata offset = committed.get(end.getKey());
      unsettled += end.getValue() - (offset == null ? 0 : offset.offset());
    }
    return unsettled;
  }

  private static byte @Nullable [] bytes(@Nullable Object value) {
    return switch (value) {
      case null -> null;
      case byte[] bytes -> bytes;
      default -> value.toString().getBytes(StandardCharsets.UTF_8);
    };
  }

  private static String text(byte @Nullable [] value) {
    return value == null ? "" : new String(value, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
    reader.close();
    admin.close(Duration.ofSeconds(10));
  }
}
