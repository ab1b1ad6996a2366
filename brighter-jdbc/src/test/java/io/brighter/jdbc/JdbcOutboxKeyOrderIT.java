package io.brighter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.JsonMessageMapper;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageMapper;
import io.brighter.messaging.MessageMapperRegistry;
import io.brighter.messaging.MessageProducer;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.messaging.Publication;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.messaging.inmemory.InMemoryMessageProducer;
import io.brighter.outbox.SweepSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Messages of one partition key leave the JDBC outbox in the order they were stored, with two
 * sweepers on one table and sends that fail: {@value #KEYS} keys, {@value #PER_KEY} messages each,
 * stored interleaved; the first send of every {@value #FAILING_EVERY}th message fails, so its key
 * must wait for it, while other keys go on. Each key's messages must reach the bus in sequence (a
 * message may come twice, never before an earlier one of its key).
 */
class JdbcOutboxKeyOrderIT {

  private static final int KEYS = 20;
  private static final int PER_KEY = 60;
  private static final int FAILING_EVERY = 7;
  private static final int BATCH = 25;
  private static final Duration DEADLINE = Duration.ofSeconds(120);

  /** One step of a key's story. */
  record Step(Id id, String key, int sequence) implements Event {}

  private final RoutingKey topic = RoutingKey.of("steps." + Id.random());
  private final InMemoryBus bus = new InMemoryBus();
  private final Set<Integer> failedOnce = ConcurrentHashMap.newKeySet();

  @Test
  void each_keys_messages_go_in_order_from_two_sweepers_on_postgres() throws Exception {
    keysKeepTheirOrder(SqlDialect.POSTGRES, Databases.postgres());
  }

  @Test
  void each_keys_messages_go_in_order_from_two_sweepers_on_mariadb() throws Exception {
    keysKeepTheirOrder(SqlDialect.MYSQL, Databases.mariaDb());
  }

  @Test
  void each_keys_messages_go_in_order_from_two_sweepers_on_sqlite() throws Exception {
    keysKeepTheirOrder(SqlDialect.SQLITE, Databases.sqlite("key-order-" + Id.random()));
  }

  private void keysKeepTheirOrder(SqlDialect dialect, DataSource dataSource) throws Exception {
    String table = "brighter_key_order_" + Id.random().value().replace("-", "").substring(0, 12);
    JdbcOutbox outbox =
        JdbcOutbox.forDialect(dialect, dataSource).withTableName(table).createTableIfMissing();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      // given
      List<Step> steps = new ArrayList<>();
      for (int sequence = 0; sequence < PER_KEY; sequence++) {
        for (int key = 0; key < KEYS; key++) {
          steps.add(new Step(Id.random(), "key-" + key, sequence * KEYS + key));
        }
      }
      CommandProcessor depositor = commandProcessor(outbox);
      for (int from = 0; from < steps.size(); from += 100) {
        depositor.depositPost(steps.subList(from, Math.min(steps.size(), from + 100)));
      }
      CommandProcessor first = commandProcessor(outbox);
      CommandProcessor second = commandProcessor(outbox);

      // when
      Instant deadline = Instant.now().plus(DEADLINE);
      CompletableFuture<Void> one =
          CompletableFuture.runAsync(() -> sweepUntilEmpty(first, outbox, deadline), threads);
      CompletableFuture<Void> two =
          CompletableFuture.runAsync(() -> sweepUntilEmpty(second, outbox, deadline), threads);
      CompletableFuture.allOf(one, two).join();

      // then
      Map<String, List<Integer>> firstArrivals = new HashMap<>();
      Map<Integer, Boolean> seen = new LinkedHashMap<>();
      for (Message message : bus.stream(topic)) {
        int sequence = Integer.parseInt(message.header().bag().get("sequence").toString());
        if (seen.putIfAbsent(sequence, true) == null) {
          firstArrivals
              .computeIfAbsent(message.header().partitionKey(), key -> new ArrayList<>())
              .add(sequence);
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
      drop(dataSource, table);
    }
  }

  private static void sweepUntilEmpty(
      CommandProcessor commandProcessor, JdbcOutbox outbox, Instant deadline) {
    SweepSettings settings =
        SweepSettings.DEFAULT
            .withMinimumAge(Duration.ZERO)
            .withBatchSize(BATCH)
            .withTopicCooldownSweeps(1);
    while (Instant.now().isBefore(deadline)) {
      int swept = commandProcessor.outboxOperations().sweep(settings);
      if (swept == 0 && outbox.outstandingCount() == 0) {
        return;
      }
    }
    throw new AssertionError("the outbox still had outstanding messages after " + DEADLINE);
  }

  private CommandProcessor commandProcessor(JdbcOutbox outbox) {
    Publication publication = Publication.builder().topic(topic).requestType(Step.class).build();
    return CommandProcessor.builder()
        .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
        .externalBus(
            ExternalBusConfiguration.builder()
                .producers(ProducerRegistry.of(List.of(new FailingFirstSends(publication))))
                .mappers(new MessageMapperRegistry().register(Step.class, new KeyedMapper()))
                .outbox(outbox)
                .build())
        .build();
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

  /** The bus's producer, but the first send of every {@value #FAILING_EVERY}th step fails. */
  private final class FailingFirstSends implements MessageProducer {
    private final InMemoryMessageProducer bus;

    FailingFirstSends(Publication publication) {
      this.bus = new InMemoryMessageProducer(JdbcOutboxKeyOrderIT.this.bus, publication);
    }

    @Override
    public Publication publication() {
      return bus.publication();
    }

    @Override
    public void send(Message message) {
      int sequence = Integer.parseInt(message.header().bag().get("sequence").toString());
      if (sequence % FAILING_EVERY == 3 && failedOnce.add(sequence)) {
        throw new IllegalStateException("the broker is away for step " + sequence);
      }
      bus.send(message);
    }

    @Override
    public void sendWithDelay(Message message, Duration delay) {
      bus.sendWithDelay(message, delay);
    }
  }

  private static void drop(DataSource dataSource, String table) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + table);
    }
  }
}
