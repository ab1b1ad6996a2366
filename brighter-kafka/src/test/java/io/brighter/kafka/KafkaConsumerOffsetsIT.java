package io.brighter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.CommandProcessor;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.jdbc.JdbcOutbox;
import io.brighter.jdbc.SqlDialect;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.outbox.OutboxSweeper;
import io.brighter.scheduler.MessageScheduler;
import io.brighter.scheduler.OutboxScheduler;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * What the consumer commits, read back from the broker: a drained group has no lag, and an
 * unhandled message's offset is never committed, so a consumer started after a crash gets it.
 */
class KafkaConsumerOffsetsIT {

  private static final KafkaBrokerEndpoint BROKER = EmbeddedKafkaBroker.shared();
  private static final KafkaConfiguration KAFKA = BROKER.configuration();
  private static final Admin ADMIN = Admin.create(BROKER.adminProperties());

  private final RoutingKey topic = RoutingKey.of("offsets-" + Id.random());
  private final String group = "group-" + Id.random();

  @AfterAll
  static void closeAdmin() {
    ADMIN.close();
  }

  @Test // #4281
  void after_a_full_drain_the_committed_offsets_equal_the_log_end() throws Exception {
    // given: three partitions, 25 messages over 5 keys, a commit batch of 10 (so 5 wait for the
    // interval)
    KafkaSubscription settings =
        KafkaSubscription.DEFAULT
            .withTopicLayout(3, (short) 1)
            .withCommitInterval(Duration.ofMillis(500));
    try (KafkaMessageConsumer consumer = consumer(settings, 10)) {
      List<Message> sent =
          IntStream.range(0, 25).mapToObj(n -> message(n, "key-" + (n % 5))).toList();
      send(sent);

      // when
      List<Message> received = drain(consumer, sent.size());
      received.forEach(consumer::acknowledge);

      // then: without closing, the interval commit catches the tail of the last batch
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () -> {
                consumer.receive(Duration.ofMillis(100)); // the pump keeps receiving
                assertThat(committed()).isEqualTo(logEnd(3));
              });
      assertThat(logEnd(3).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(25);
    }
  }

  @Test
  void an_unhandled_messages_offset_is_never_committed_and_a_restarted_consumer_gets_it()
      throws Exception {
    // given: one partition, a commit after every settlement
    KafkaSubscription settings = KafkaSubscription.DEFAULT.withCommitBatchSize(1);
    List<Message> sent = IntStream.range(0, 5).mapToObj(n -> message(n, "one-key")).toList();
    KafkaMessageConsumer first = consumer(settings, 5);
    send(sent);
    List<Message> received = drain(first, 5);

    // when: all but the third are handled, then the process dies without settling it
    for (int n : new int[] {0, 1, 3, 4}) {
      first.acknowledge(received.get(n));
    }
    first.close();

    // then
    assertThat(committed()).isEqualTo(Map.of(new TopicPartition(topic.value(), 0), 2L));
    try (KafkaMessageConsumer restarted = consumer(settings, 5)) {
      List<Message> again = drain(restarted, 3);
      assertThat(again.getFirst().id()).isEqualTo(sent.get(2).id());
      again.forEach(restarted::acknowledge);
    }
  }

  @Test // #12: the copy went to an in-memory scheduler and the original's offset was committed
  void a_message_requeued_with_a_delay_is_not_lost_when_the_consumer_dies_inside_the_delay()
      throws Exception {
    // given
    KafkaSubscription settings = KafkaSubscription.DEFAULT.withCommitBatchSize(1);
    Message sent = message(1, "one-key");
    Message after = message(2, "one-key");
    KafkaMessageConsumer first = consumer(settings, 1);
    send(List.of(sent, after));
    Message received = drain(first, 1).getFirst();

    // when: requeued for a minute, the next message handled, then the process dies
    assertThat(first.requeue(received, Duration.ofMinutes(1))).isTrue();
    first.acknowledge(drain(first, 1).getFirst());
    first.close();

    // then: nothing past the requeued message was committed, and a new consumer gets it again
    assertThat(committed()).doesNotContainValue(2L);
    try (KafkaMessageConsumer restarted = consumer(settings, 1)) {
      Message again = drain(restarted, 1).getFirst();
      assertThat(again.id()).isEqualTo(sent.id());
      restarted.acknowledge(again);
    }
  }

  @Test // #15: a delayed requeue held only by the consumer held back its partition's commits
  void a_durable_delayed_requeue_is_stored_before_the_commit_and_sent_after_a_restart()
      throws Exception {
    // given
    DataSource postgres = Postgres.dataSource();
    JdbcOutbox outbox =
        JdbcOutbox.forDialect(SqlDialect.POSTGRES, postgres)
            .withTableName("kafka_requeues_" + Id.random().value().substring(24))
            .createTableIfMissing();
    KafkaSubscription settings = KafkaSubscription.DEFAULT.withCommitBatchSize(1);
    Message sent = message(1, "one-key");
    Message after = message(2, "one-key");
    KafkaMessageConsumer first = consumer(settings, 1, new OutboxScheduler(outbox));
    send(List.of(sent, after));
    Message received = drain(first, 1).getFirst();

    // when: requeued for two seconds, the next message handled, then the process dies
    Message counted = received.withHeader(received.header().withHandledCount(1));
    assertThat(first.requeue(counted, Duration.ofSeconds(2))).isTrue();
    first.acknowledge(drain(first, 1).getFirst());
    first.close();

    // then: both offsets were committed, the copy waiting in the outbox; a new process's sweeper
    // sends it once due, and the group reads it
    assertThat(committed()).isEqualTo(logEnd(1));
    JdbcOutbox restartedOutbox =
        JdbcOutbox.forDialect(SqlDialect.POSTGRES, postgres).withTableName(outbox.tableName());
    try (KafkaMessageProducer producer =
            new KafkaMessageProducer(
                KAFKA, KafkaPublication.of(Publication.builder().topic(topic).build()));
        KafkaMessageConsumer restarted = consumer(settings, 1, null)) {
      OutboxSweeper sweeper =
          OutboxSweeper.builder()
              .commandProcessor(
                  CommandProcessor.builder()
                      .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
                      .externalBus(
                          ExternalBusConfiguration.builder()
                              .producers(ProducerRegistry.of(List.of(producer)))
                              .outbox(restartedOutbox)
                              .build())
                      .build())
              .minimumAge(Duration.ZERO)
              .build();
      await().atMost(Duration.ofSeconds(20)).until(() -> sweeper.sweep() > 0);
      Message copy = drain(restarted, 1).getFirst();
      assertThat(copy.id()).isEqualTo(sent.id());
      assertThat(copy.header().handledCount()).isOne();
      restarted.acknowledge(copy);
    } finally {
      try (Connection connection = postgres.getConnection();
          Statement drop = connection.createStatement()) {
        drop.execute("DROP TABLE " + outbox.tableName());
      }
    }
  }

  @Test
  void a_delayed_requeue_produces_its_copy_after_the_delay_and_then_commits_the_original()
      throws Exception {
    // given
    KafkaSubscription settings = KafkaSubscription.DEFAULT.withCommitBatchSize(1);
    Message sent = message(1, "one-key");
    try (KafkaMessageConsumer consumer = consumer(settings, 1)) {
      send(List.of(sent));
      Message received = drain(consumer, 1).getFirst();

      // when
      long start = System.nanoTime();
      consumer.requeue(
          received.withHeader(received.header().withHandledCount(1)), Duration.ofMillis(700));
      consumer.receive(Duration.ofMillis(100)); // a commit that is due goes out on a poll
      Map<?, ?> committedInsideTheDelay = committed();

      // then
      assertThat(committedInsideTheDelay).as("committed inside the delay").isEmpty();
      Message copy = drain(consumer, 1).getFirst();
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(650));
      assertThat(copy.id()).isEqualTo(sent.id());
      assertThat(copy.header().handledCount()).isOne();
      consumer.acknowledge(copy);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                consumer.receive(Duration.ofMillis(100));
                assertThat(committed()).isEqualTo(logEnd(1));
              });
    }
  }

  @Test
  void a_rebalance_commits_what_was_settled_on_the_partitions_it_takes_away() throws Exception {
    // given: two partitions, and commits that neither the batch nor the interval would trigger
    KafkaSubscription settings =
        KafkaSubscription.DEFAULT
            .withTopicLayout(2, (short) 1)
            .withCommitBatchSize(1_000)
            .withCommitInterval(Duration.ofMinutes(10));
    KafkaMessageConsumer first = consumer(settings, 10);
    List<Message> sent =
        IntStream.range(0, 10).mapToObj(n -> message(n, "key-" + (n % 4))).toList();
    send(sent);
    drain(first, sent.size()).forEach(first::acknowledge);
    assertThat(committed()).as("nothing committed yet").isEmpty();

    // when: a second member joins the group
    List<Message> redelivered = new ArrayList<>();
    try (first;
        KafkaMessageConsumer second = consumer(settings, 10)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                redelivered.addAll(first.receive(Duration.ofMillis(100)));
                redelivered.addAll(second.receive(Duration.ofMillis(100)));
                assertThat(committed()).isEqualTo(logEnd(2));
              });

      // then: the new owner starts after what the first had settled
      redelivered.addAll(second.receive(Duration.ofMillis(500)));
      assertThat(redelivered).as("delivered again").isEmpty();
    }
  }

  private KafkaMessageConsumer consumer(KafkaSubscription settings, int bufferSize) {
    return consumer(settings, bufferSize, null);
  }

  private KafkaMessageConsumer consumer(
      KafkaSubscription settings, int bufferSize, @Nullable MessageScheduler requeues) {
    Subscription subscription =
        Subscription.builder()
            .name(group)
            .channelName(group)
            .routingKey(topic)
            .requestTypes(message -> null)
            .bufferSize(bufferSize)
            .channelFactory(new KafkaChannelFactory(KAFKA, settings))
            .build();
    return new KafkaMessageConsumer(KAFKA, subscription, settings, requeues);
  }

  private void send(List<Message> messages) {
    try (KafkaMessageProducer producer =
        new KafkaMessageProducer(
            KAFKA, KafkaPublication.of(Publication.builder().topic(topic).build()))) {
      messages.forEach(producer::send);
    }
  }

  private static List<Message> drain(KafkaMessageConsumer consumer, int count) {
    List<Message> received = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              received.addAll(consumer.receive(Duration.ofMillis(500)));
              return received.size() >= count;
            });
    return received;
  }

  private Message message(int n, String key) {
    return new Message(
        MessageHeader.builder(Id.random(), topic, MessageType.EVENT).partitionKey(key).build(),
        MessageBody.json("{\"n\":" + n + "}"));
  }

  private Map<TopicPartition, Long> committed() throws Exception {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    Map<TopicPartition, OffsetAndMetadata> committed =
        ADMIN.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    committed.forEach((partition, offset) -> offsets.put(partition, offset.offset()));
    return offsets;
  }

  private Map<TopicPartition, Long> logEnd(int partitions) throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      request.put(new TopicPartition(topic.value(), p), OffsetSpec.latest());
    }
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
        ADMIN.listOffsets(request).all().get();
    Map<TopicPartition, Long> offsets = new HashMap<>();
    ends.forEach(
        (partition, info) -> {
          if (info.offset() > 0) { // a partition no key hashed to has nothing to commit
            offsets.put(partition, info.offset());
          }
        });
    return offsets;
  }
}
