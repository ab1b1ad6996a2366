package io.brighter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.CommandProcessor;
import io.brighter.Event;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.Message;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.inmemory.InMemoryBus;
import io.brighter.outbox.SweepSettings;
import io.brighter.testing.InMemoryPublications;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Two command processors sweep one outbox table at the same time: {@value #MESSAGES} outstanding
 * messages are deposited, then each processor, on a thread of its own and with its own {@link
 * ExternalBusConfiguration} over the same {@link JdbcOutbox}, clears outstanding messages in a loop
 * until none is left. Every message must reach the shared in-memory bus, and the claim ({@code FOR
 * UPDATE SKIP LOCKED} plus a lease) must keep both sweepers from sending the same message twice.
 * Each run uses a fresh table, dropped afterwards.
 *
 * <p>The test prints how many messages each sweeper sent and how many were sent twice.
 */
class JdbcOutboxTwoSweepersIT {

  private static final int MESSAGES = 10_000;
  private static final int BATCH = 100;
  private static final Duration DEADLINE = Duration.ofSeconds(120);

  record Ping(Id id, int number) implements Event {}

  private final RoutingKey topic = RoutingKey.of("ping." + Id.random());
  private final InMemoryBus bus = new InMemoryBus();

  @Test
  void two_sweepers_on_postgres_send_every_message_once() throws Exception {
    twoSweepersSendEveryMessageOnce(SqlDialect.POSTGRES, Databases.postgres());
  }

  @Test
  void two_sweepers_on_mariadb_send_every_message_once() throws Exception {
    twoSweepersSendEveryMessageOnce(SqlDialect.MYSQL, Databases.mariaDb());
  }

  private void twoSweepersSendEveryMessageOnce(SqlDialect dialect, DataSource dataSource)
      throws Exception {
    String table = "brighter_sweepers_" + Id.random().value().replace("-", "").substring(0, 12);
    JdbcOutbox outbox =
        JdbcOutbox.forDialect(dialect, dataSource).withTableName(table).createTableIfMissing();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      // given
      List<Id> deposited =
          commandProcessor(outbox)
              .depositPost(
                  IntStream.range(0, MESSAGES).mapToObj(n -> new Ping(Id.random(), n)).toList());
      assertThat(outbox.outstandingCount()).isEqualTo(MESSAGES);
      CommandProcessor first = commandProcessor(outbox);
      CommandProcessor second = commandProcessor(outbox);

      // when
      Instant deadline = Instant.now().plus(DEADLINE);
      CompletableFuture<Integer> firstSent =
          CompletableFuture.supplyAsync(() -> sweepUntilEmpty(first, outbox, deadline), threads);
      CompletableFuture<Integer> secondSent =
          CompletableFuture.supplyAsync(() -> sweepUntilEmpty(second, outbox, deadline), threads);
      CompletableFuture.allOf(firstSent, secondSent).join();

      // then
      Map<Id, Long> sends =
          bus.stream(topic).stream()
              .collect(Collectors.groupingBy(Message::id, Collectors.counting()));
      long sentTwice = sends.values().stream().filter(count -> count > 1).count();
      System.out.printf(
          Locale.ROOT,
          "%s: %d messages, sweeper one sent %d, sweeper two sent %d, sent twice: %d%n",
          dialect,
          MESSAGES,
          firstSent.join(),
          secondSent.join(),
          sentTwice);
      assertThat(outbox.outstandingCount()).isZero();
      assertThat(sends.keySet()).containsExactlyInAnyOrderElementsOf(deposited);
      assertThat(sentTwice).as("messages sent twice").isZero();
      assertThat(firstSent.join() + secondSent.join()).isEqualTo(MESSAGES);
    } finally {
      threads.shutdownNow();
      drop(dataSource, table);
    }
  }

  private static int sweepUntilEmpty(
      CommandProcessor commandProcessor, JdbcOutbox outbox, Instant deadline) {
    int sent = 0;
    while (Instant.now().isBefore(deadline)) {
      int swept =
          commandProcessor
              .outboxOperations()
              .sweep(SweepSettings.DEFAULT.withMinimumAge(Duration.ZERO).withBatchSize(BATCH));
      sent += swept;
      if (swept == 0 && outbox.outstandingCount() == 0) {
        return sent;
      }
    }
    throw new AssertionError("the outbox still had outstanding messages after " + DEADLINE);
  }

  private CommandProcessor commandProcessor(JdbcOutbox outbox) {
    return CommandProcessor.builder()
        .handlers(new SubscriberRegistry(), new SimpleHandlerFactory())
        .externalBus(
            InMemoryPublications.on(bus)
                .publish(Ping.class, topic)
                .externalBus()
                .outbox(outbox)
                .build())
        .build();
  }

  private static void drop(DataSource dataSource, String table) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS " + table);
    }
  }
}
