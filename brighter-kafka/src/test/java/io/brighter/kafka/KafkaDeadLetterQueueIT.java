package io.brighter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.Id;
import io.brighter.messaging.DeadLetter;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageConsumer;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.OnMissingChannel;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RejectionReason;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.testing.TestJvm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * A Kafka re-driving process killed half-way loses nothing: each message is still in the
 * dead-letter queue, or on its topic again (or, for a batch in flight at the kill, both).
 */
class KafkaDeadLetterQueueIT {

  private static final KafkaBrokerEndpoint BROKER = EmbeddedKafkaBroker.shared();

  private final RoutingKey topic = RoutingKey.of("redrive-" + Id.random().value());
  private final RoutingKey deadLetters = RoutingKey.of(topic.value() + ".dlq");

  @Test
  void a_redriving_process_killed_half_way_loses_nothing() throws Exception {
    int count = 300;
    Set<Id> ids = deadLettered(count);

    Process redrive =
        TestJvm.start(
            KafkaRedriveProcess.class,
            List.of(),
            List.of(BROKER.bootstrapServers(), deadLetters.value()),
            ProcessBuilder.Redirect.DISCARD);
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> onTopic().size() >= count / 3 || !redrive.isAlive());
    } finally {
      redrive.destroyForcibly(); // SIGKILL, half-way
      redrive.waitFor(10, TimeUnit.SECONDS);
    }

    Set<Id> redelivered = new HashSet<>(onTopic());
    assertThat(redelivered).as("re-driven before the kill").hasSizeBetween(1, count - 1);
    Set<Id> stillDead = new HashSet<>();
    new KafkaDeadLetterQueue(BROKER.configuration(), deadLetters)
        .peek(count * 2)
        .forEach(letter -> stillDead.add(letter.id()));

    Set<Id> found = new HashSet<>(redelivered);
    found.addAll(stillDead);
    assertThat(found).as("every message dead-lettered or re-driven").isEqualTo(ids);
    Set<Id> both = new HashSet<>(redelivered);
    both.retainAll(stillDead);
    assertThat(both).as("in both places: at most the batch in flight").hasSizeLessThanOrEqualTo(50);
  }

  /** Sends {@code count} messages and rejects each into the dead-letter topic. */
  private Set<Id> deadLettered(int count) {
    Set<Id> ids = new HashSet<>();
    try (KafkaMessageProducer producer =
        new KafkaMessageProducer(
            BROKER.configuration(),
            KafkaPublication.of(Publication.builder().topic(topic).build()))) {
      for (int i = 0; i < count; i++) {
        Message message =
            new Message(
                MessageHeader.builder(Id.random(), topic, MessageType.EVENT).build(),
                MessageBody.json("{\"n\":" + i + "}"));
        producer.send(message);
        ids.add(message.id());
      }
    }
    KafkaChannelFactory channels =
        new KafkaChannelFactory(BROKER.configuration(), KafkaSubscription.DEFAULT);
    try (MessageConsumer consumer =
        channels.createConsumer(
            Subscription.builder()
                .name(topic.value())
                .channelName(topic.value())
                .routingKey(topic)
                .requestTypes(message -> null)
                .bufferSize(10)
                .deadLetterRoutingKey(deadLetters)
                .makeChannels(OnMissingChannel.CREATE)
                .channelFactory(channels)
                .build())) {
      List<Message> received = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                for (Message message : consumer.receive(Duration.ofMillis(500))) {
                  consumer.reject(message, RejectionReason.deliveryError("test"));
                  received.add(message);
                }
                return received.size() >= count;
              });
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                new KafkaDeadLetterQueue(BROKER.configuration(), deadLetters)
                        .peek(count * 2).stream().map(DeadLetter::id).distinct().count()
                    == count);
    return ids;
  }

  /** The ids of every record on the original topic, read by a fresh group from the start. */
  private List<Id> onTopic() {
    Map<String, Object> properties = new java.util.HashMap<>(BROKER.adminProperties());
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, "check-" + Id.random().value());
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<Id> ids = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
      var partitions =
          consumer.partitionsFor(topic.value()).stream()
              .map(
                  info ->
                      new org.apache.kafka.common.TopicPartition(topic.value(), info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.headers().lastHeader("RedriveCount") != null) {
            ids.add(
                Id.of(
                    new String(
                        record.headers().lastHeader(KafkaHeaderNames.MESSAGE_ID).value(),
                        java.nio.charset.StandardCharsets.UTF_8)));
          }
        }
      }
    }
    return ids;
  }
}
