package io.brighter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.jdbc.JdbcOutbox;
import io.brighter.jdbc.SqlDialect;
import io.brighter.messaging.JsonMessageMapper;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageMapper;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.PublishConfirmation;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.Subscription;
import io.brighter.outbox.SweepSettings;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Per-key order end to end: {@value #KEYS} keys of {@value #PER_KEY} messages each, stored
 * interleaved in a PostgreSQL outbox, relayed to a topic of {@value #PARTITIONS} partitions by two
 * sweepers at once while the first send of every {@value #FAILING_EVERY}th message fails, and read
 * back by a {@link KafkaMessageConsumer}: each key's messages arrive in the order they were stored.
 */
class KafkaKeyOrderIT {

  private static final int KEYS = 12;
  private static final int PER_KEY = 40;
  private static final int PARTITIONS = 4;
  private static final int FAILING_EVERY = 9;
  private static final Duration DEADLINE = Duration.ofSeconds(120);
  private static final KafkaConfiguration KAFKA = EmbeddedKafkaBroker.shared().configuration();

  /** One step of a key's story. */
  record Step(Id id, String key, int sequence) implements Event {}

  private final RoutingKey topic = RoutingKey.of("steps-" + Id.random());
  private final Set<Integer> failedOnce = ConcurrentHashMap.newKeySet();

  @Test
  void each_keys_messages_reach_the_consumer_in_the_order_they_were_stored() throws Exception {
    DataSource postgres = Postgres.dataSource();
    String table = "brighter_kafka_order_" + Id.random().value().replace("-", "").substring(0, 12);
    JdbcOutbox outbox =
        JdbcOutbox.forDialect(SqlDialect.POSTGRES, postgres)
            .withTableName(table)
            .createTableIfMissing();
    Publication publication = Publication.builder().topic(topic).requestType(Step.class).build();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (KafkaMessageProducer first =
            new KafkaMessageProducer(
                KAFKA, KafkaPublication.of(publication).withNumPartitions(PARTITIONS));
        KafkaMessageProducer second =
            new KafkaMessageProducer(
                KAFKA, KafkaPublication.of(publication).withNumPartitions(PARTITIONS));
        KafkaMessageConsumer consumer = consumer()) {
      // given
      List<Step> steps = new ArrayList<>();
      for (int sequence = 0; sequence < PER_KEY; sequence++) {
        for (int key = 0; key < KEYS; key++) {
          steps.add(new Step(Id.random(), "key-" + key, sequence * KEYS + key));
        }
      }
      CommandProcessor one = commandProcessor(outbox, first);
      CommandProcessor two = commandProcessor(outbox, second);
      one.depositPost(steps);

      // when
      Instant deadline = Instant.now().plus(DEADLINE);
      CompletableFuture.allOf(
              CompletableFuture.runAsync(() -> sweepUntilEmpty(one, outbox, deadline), threads),
              CompletableFuture.runAsync(() -> sweepUntilEmpty(two, outbox, deadline), threads))
          .join();

      // then
      Map<String, List<Integer>> firstArrivals = new HashMap<>();
      Set<Integer> seen = new HashSet<>();
      while (seen.size() < steps.size() && Instant.now().isBefore(deadline)) {
        for (Message message : consumer.receive(Duration.ofMillis(500))) {
          int sequence = Integer.parseInt(message.header().bag().get("sequence").toString());
          if (seen.add(sequence)) {
            firstArrivals
                .computeIfAbsent(message.header().partitionKey(), key -> new ArrayList<>())
                .add(sequence);
          }
          consumer.acknowledge(message);
        }
      }
      assertThat(failedOnce).as("sends that failed").isNotEmpty();
      assertThat(seen).hasSize(steps.size());
      assertThat(firstArrivals).hasSize(KEYS);
      firstArrivals.forEach(
          (key, sequences) ->
              assertThat(sequences).as("the order of %s's messages", key).isSorted());
    } finally {
      threads.shutdownNow();
      try (Connection connection = postgres.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("DROP TABLE IF EXISTS " + table);
      }
    }
  }

  private static void sweepUntilEmpty(
      CommandProcessor commandProcessor, JdbcOutbox outbox, Instant deadline) {
    SweepSettings settings =
        SweepSettings.DEFAULT
            .withMinimumAge(Duration.ZERO)
            .withBatchSize(30)
            .withTopicCooldownSweeps(1);
    while (Instant.now().isBefore(deadline)) {
      int swept = commandProcessor.outboxOperations().sweep(settings);
      if (swept == 0 && outbox.outstandingCount() == 0) {
        return;
      }
    }
    throw new AssertionError("the outbox still had outstanding messages after " + DEADLINE);
  }

  private CommandProcessor commandProcessor(JdbcOutbox outbox, KafkaMessageProducer producer) {
    return CommandProcessor.builder()
        .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
        .externalBus(
            ExternalBusConfiguration.builder()
                .producers(ProducerRegistry.of(List.of(new FailingFirstSends(producer))))
                .mappers(new MessageMapperRegistry().register(Step.class, new KeyedMapper()))
                .outbox(outbox)
                .build())
        .build();
  }

  private KafkaMessageConsumer consumer() {
    Subscription subscription =
        Subscription.builder()
            .name("order-check")
            .channelName("order-check-" + Id.random())
            .routingKey(topic)
            .requestType(Step.class)
            .bufferSize(10)
            .channelFactory(new KafkaChannelFactory(KAFKA))
            .build();
    return new KafkaMessageConsumer(
        KAFKA, subscription, KafkaSubscription.DEFAULT.withTopicLayout(PARTITIONS, (short) 1));
  }

  /** Maps a step with its key as the partition key and its sequence in the bag. */
  private static final class KeyedMapper implements MessageMapper<Step> {
    private final JsonMessageMapper<Step> json = new JsonMessageMapper<>(Step.class);

    @Override
    public Message mapToMessage(Step step, Publication publication) {
      Message message = json.mapToMessage(step, publication);
      return message.withHeader(
          message.header().toBuilder()
              .partitionKey(step.key())
              .bagEntry("sequence", step.sequence())
              .build());
    }

    @Override
    public Step mapToRequest(Message message) {
      return json.mapToRequest(message);
    }
  }

  /** A Kafka producer whose first send of every {@value #FAILING_EVERY}th step fails. */
  private final class FailingFirstSends implements MessageProducer {
    private final KafkaMessageProducer kafka;

    FailingFirstSends(KafkaMessageProducer kafka) {
      this.kafka = kafka;
    }

    @Override
    public Publication publication() {
      return kafka.publication();
    }

    @Override
    public void send(Message message) {
      int sequence = Integer.parseInt(message.header().bag().get("sequence").toString());
      if (sequence % FAILING_EVERY == 4 && failedOnce.add(sequence)) {
        throw new IllegalStateException("Kafka is away for step " + sequence);
      }
      kafka.send(message);
    }

    @Override
    public void sendWithDelay(Message message, Duration delay) {
      kafka.sendWithDelay(message, delay);
    }

    @Override
    public boolean confirmsPublication() {
      return kafka.confirmsPublication();
    }

    @Override
    public void onConfirmations(Consumer<List<PublishConfirmation>> listener) {
      kafka.onConfirmations(listener);
    }
  }
}
