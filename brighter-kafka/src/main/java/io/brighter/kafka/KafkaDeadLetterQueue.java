package io.brighter.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.brighter.internal.Settings;
import io.brighter.kafka.internal.KafkaWireFormat;
import io.brighter.messaging.DeadLetter;
import io.brighter.messaging.DeadLetterQueue;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Receipt;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.wire.RejectionHeaders;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A Kafka dead-letter (or invalid-message) topic as a queue, for operators. A topic is a log, so
 * the queue is what an operations consumer group ({@code brighter-operations.<topic>} unless named)
 * has not yet dealt with: its committed offsets mark where the queue starts. Each call makes its
 * own clients and closes them before it returns.
 *
 * <p>{@link #peek} reads from the committed offsets without committing, oldest first across
 * partitions. {@link #redrive} reads the same way and produces, for each dead letter chosen, a copy
 * of the record as it came to its original topic (the rejection headers removed, {@code Topic} the
 * original topic, {@code HandledCount} 0 and {@code RedriveCount} one more), and for each one left,
 * the record as it came to the tail of the dead-letter topic, so it stays in the queue in its
 * order; once Kafka acknowledged every copy it commits past them. A crash before the commit leaves
 * the dead letters in the queue as well as the copies made, never in neither. {@link #purge}
 * commits the log end.
 *
 * {@snippet :
 * DeadLetterQueue dlq = new KafkaDeadLetterQueue(kafka, RoutingKey.of("greeting.added.dlq"));
 * }
 */
public final class KafkaDeadLetterQueue implements DeadLetterQueue {

  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final int COMMIT_EVERY = 50;
  private static final Receipt READ = new Receipt() {};
  // Taken off a re-driven copy: the rejection's, and those the copy sets afresh.
  private static final Set<String> REPLACED_HEADERS =
      Stream.concat(
              RejectionHeaders.NAMES.stream(),
              Stream.of(
                  HeaderNames.REDRIVE_COUNT,
                  KafkaHeaderNames.TOPIC,
                  KafkaHeaderNames.HANDLED_COUNT))
          .collect(Collectors.toUnmodifiableSet());

  private final KafkaConfiguration configuration;
  private final String topic;
  private final String groupId;

  /** The queue of {@code deadLetterTopic}, for the group {@code brighter-operations.<topic>}. */
  public KafkaDeadLetterQueue(KafkaConfiguration configuration, RoutingKey deadLetterTopic) {
    this(configuration, deadLetterTopic, "brighter-operations." + deadLetterTopic.value());
  }

  /** The queue of {@code deadLetterTopic} for the operations group {@code groupId}. */
  public KafkaDeadLetterQueue(
      KafkaConfiguration configuration, RoutingKey deadLetterTopic, String groupId) {
    this.configuration = requireNonNull(configuration, "configuration must not be null");
    this.topic = requireNonNull(deadLetterTopic, "deadLetterTopic must not be null").value();
    this.groupId = Settings.notBlank(groupId, "KafkaDeadLetterQueue.groupId");
  }

  @Override
  public String name() {
    return topic;
  }

  @Override
  public List<DeadLetter> peek(int limit) {
    checkLimit(limit);
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      return read(consumer, limit).stream().map(KafkaDeadLetterQueue::letter).toList();
    }
  }

  @Override
  public int redrive(Predicate<DeadLetter> which, int limit) {
    requireNonNull(which, "which must not be null");
    checkLimit(limit);
    try (KafkaConsumer<String, byte[]> consumer = consumer();
        KafkaProducer<String, byte[]> producer = producer()) {
      List<ConsumerRecord<String, byte[]>> records = read(consumer, limit);
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
      int redriven = 0;
      for (ConsumerRecord<String, byte[]> record : records) {
        DeadLetter letter = letter(record);
        RoutingKey original = letter.originalTopic();
        if (original != null && which.test(letter)) {
          sent.add(producer.send(copy(record, original.value(), letter.redriveCount() + 1)));
          redriven++;
        } else {
          sent.add(producer.send(again(record)));
        }
        done.put(
            new TopicPartition(record.topic(), record.partition()),
            new OffsetAndMetadata(record.offset() + 1));
        if (sent.size() == COMMIT_EVERY) {
          settle(producer, consumer, sent, done);
        }
      }
      settle(producer, consumer, sent, done);
      return redriven;
    } catch (ExecutionException | TimeoutException e) {
      throw new KafkaException(
          "Re-drive from " + topic + " stopped: Kafka did not take a copy; nothing was committed",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("Re-drive from " + topic + " was interrupted", e);
    }
  }

  /** The records between the group's commits and the log end, counted from the offsets. */
  @Override
  public long count() {
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(consumer);
      return partitions.isEmpty()
          ? 0
          : waiting(consumer, partitions, consumer.endOffsets(partitions, TIMEOUT));
    }
  }

  @Override
  public long purge() {
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = partitions(consumer);
      if (partitions.isEmpty()) {
        return 0;
      }
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
      long removed = waiting(consumer, partitions, end);
      Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
      for (TopicPartition partition : partitions) {
        commit.put(partition, new OffsetAndMetadata(at(end, partition)));
      }
      consumer.commitSync(commit, TIMEOUT);
      return removed;
    }
  }

  /** How many records lie between the group's commits (or the log start) and {@code end}. */
  private long waiting(
      KafkaConsumer<String, byte[]> consumer,
      List<TopicPartition> partitions,
      Map<TopicPartition, Long> end) {
    Map<TopicPartition, Long> start = start(consumer, partitions);
    long waiting = 0;
    for (TopicPartition partition : partitions) {
      waiting += Math.max(0, at(end, partition) - at(start, partition));
    }
    return waiting;
  }

  /**
   * Waits until Kafka took every copy {@code sent}, then commits past the dead letters they were
   * made of ({@code done}), so that a crash leaves at most one batch both re-driven and queued.
   */
  private static void settle(
      KafkaProducer<String, byte[]> producer,
      KafkaConsumer<String, byte[]> consumer,
      List<Future<RecordMetadata>> sent,
      Map<TopicPartition, OffsetAndMetadata> done)
      throws ExecutionException, TimeoutException, InterruptedException {
    if (sent.isEmpty()) {
      return;
    }
    producer.flush();
    for (Future<RecordMetadata> future : sent) {
      future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
    consumer.commitSync(Map.copyOf(done), TIMEOUT);
    sent.clear();
  }

  /**
   * Up to {@code limit} records from the committed offsets, taken oldest first across partitions,
   * so that what is taken of each partition is a prefix of it.
   */
  private List<ConsumerRecord<String, byte[]>> read(
      KafkaConsumer<String, byte[]> consumer, int limit) {
    List<TopicPartition> partitions = partitions(consumer);
    if (partitions.isEmpty() || limit == 0) {
      return List.of();
    }
    consumer.assign(partitions);
    Map<TopicPartition, Long> start = start(consumer, partitions);
    start.forEach(consumer::seek);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
    Map<TopicPartition, Deque<ConsumerRecord<String, byte[]>>> queued = new HashMap<>();
    partitions.forEach(partition -> queued.put(partition, new ArrayDeque<>()));
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!caughtUp(consumer, partitions, end, queued, limit) && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (record.offset() < at(end, partition)) {
          at(queued, partition).add(record);
        }
      }
    }
    List<ConsumerRecord<String, byte[]>> taken = new ArrayList<>();
    Comparator<Deque<ConsumerRecord<String, byte[]>>> oldestHead =
        Comparator.comparingLong(deque -> deque.peekFirst().timestamp());
    while (taken.size() < limit) {
      Deque<ConsumerRecord<String, byte[]>> head =
          queued.values().stream().filter(deque -> !deque.isEmpty()).min(oldestHead).orElse(null);
      if (head == null) {
        break;
      }
      taken.add(head.pollFirst());
    }
    return taken;
  }

  /** Whether every partition was read to its end, or enough records are queued. */
  private static boolean caughtUp(
      KafkaConsumer<String, byte[]> consumer,
      List<TopicPartition> partitions,
      Map<TopicPartition, Long> end,
      Map<TopicPartition, Deque<ConsumerRecord<String, byte[]>>> queued,
      int limit) {
    int total = queued.values().stream().mapToInt(Deque::size).sum();
    if (total >= limit) {
      return true;
    }
    for (TopicPartition partition : partitions) {
      if (consumer.position(partition, TIMEOUT) < at(end, partition)) {
        return false;
      }
    }
    return true;
  }

  private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
    return infos == null
        ? List.of()
        : infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
  }

  /** Where the queue starts on each partition: the group's commit, else the log start. */
  private Map<TopicPartition, Long> start(
      KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> committed =
        consumer.committed(Set.copyOf(partitions), TIMEOUT);
    Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions, TIMEOUT);
    return partitions.stream()
        .collect(
            Collectors.toMap(
                partition -> partition,
                partition -> {
                  OffsetAndMetadata offset = committed.get(partition);
                  return offset == null
                      ? at(beginning, partition)
                      : Math.max(offset.offset(), at(beginning, partition));
                }));
  }

  private static DeadLetter letter(ConsumerRecord<String, byte[]> record) {
    return DeadLetter.of(KafkaWireFormat.toMessage(record, READ));
  }

  /** The re-driven copy of {@code record} for {@code original}. */
  private static ProducerRecord<String, byte[]> copy(
      ConsumerRecord<String, byte[]> record, String original, int redriveCount) {
    Headers headers = new RecordHeaders();
    record
        .headers()
        .forEach(
            header -> {
              if (!REPLACED_HEADERS.contains(header.key())) {
                headers.add(header);
              }
            });
    headers.add(KafkaHeaderNames.TOPIC, original.getBytes(UTF_8));
    headers.add(KafkaHeaderNames.HANDLED_COUNT, "0".getBytes(UTF_8));
    headers.add(HeaderNames.REDRIVE_COUNT, Integer.toString(redriveCount).getBytes(UTF_8));
    return new ProducerRecord<>(original, null, record.key(), record.value(), headers);
  }

  /** {@code record} as it came, to the tail of its own topic, its time kept. */
  private static ProducerRecord<String, byte[]> again(ConsumerRecord<String, byte[]> record) {
    return new ProducerRecord<>(
        record.topic(),
        null,
        record.timestamp(),
        record.key(),
        record.value(),
        new RecordHeaders(record.headers().toArray()));
  }

  private KafkaConsumer<String, byte[]> consumer() {
    Map<String, Object> properties = configuration.clientProperties("operations");
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
  }

  private KafkaProducer<String, byte[]> producer() {
    Map<String, Object> properties = configuration.clientProperties("operations-producer");
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
  }

  /** {@code map}'s value for {@code partition}, which Kafka gave for every partition asked. */
  private static <V> V at(Map<TopicPartition, V> map, TopicPartition partition) {
    return requireNonNull(map.get(partition), () -> "Kafka gave nothing for " + partition);
  }

  private static void checkLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
  }
}
