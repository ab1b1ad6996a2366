package io.brighter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.brighter.Command;
import io.brighter.CommandProcessor;
import io.brighter.ExternalBusConfiguration;
import io.brighter.Id;
import io.brighter.handlers.RequestHandler;
import io.brighter.handlers.SimpleHandlerFactory;
import io.brighter.handlers.SubscriberRegistry;
import io.brighter.messaging.ProducerRegistry;
import io.brighter.outbox.OutboxSweeper;
import io.brighter.scheduler.OutboxRequestScheduler;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A scheduled send kept in a JDBC outbox outlives the process that scheduled it: a new command
 * processor on the same table replays it once it is due, once. Each run uses a fresh table.
 */
class JdbcOutboxRequestSchedulerIT {

  record RemindCustomer(Id id, String name) implements Command {}

  private final List<String> reminded = new CopyOnWriteArrayList<>();

  @Test
  void on_postgres_a_scheduled_send_runs_in_the_next_process_once_due() throws SQLException {
    runsInTheNextProcess(SqlDialect.POSTGRES, Databases.postgres());
  }

  @Test
  void on_mariadb_a_scheduled_send_runs_in_the_next_process_once_due() throws SQLException {
    runsInTheNextProcess(SqlDialect.MYSQL, Databases.mariaDb());
  }

  private void runsInTheNextProcess(SqlDialect dialect, DataSource dataSource) throws SQLException {
    String table = "brighter_scheduled_" + Id.random().value().replace("-", "").substring(0, 12);
    JdbcOutbox outbox =
        JdbcOutbox.forDialect(dialect, dataSource).withTableName(table).createTableIfMissing();
    try {
      // given: scheduled two seconds ahead, then the scheduling process is gone
      RemindCustomer remind = new RemindCustomer(Id.random(), "Ada");
      Id job = processor(outbox).processor().send(Duration.ofSeconds(2), remind);

      // when: another process sweeps the same table
      Swept next = processor(outbox);
      int early = next.sweeper().sweep();
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                next.sweeper().sweep();
                return !reminded.isEmpty();
              });
      next.sweeper().sweep();

      // then
      assertThat(job).isEqualTo(remind.id());
      assertThat(early).as("not yet due").isZero();
      assertThat(reminded).containsExactly("Ada");
      assertThat(outbox.outstandingCount()).isZero();
    } finally {
      try (Connection connection = dataSource.getConnection();
          Statement drop = connection.createStatement()) {
        drop.execute("DROP TABLE " + table);
      }
    }
  }

  private record Swept(CommandProcessor processor, OutboxSweeper sweeper) {}

  private Swept processor(JdbcOutbox outbox) {
    OutboxRequestScheduler scheduler =
        new OutboxRequestScheduler(outbox, List.of(RemindCustomer.class));
    CommandProcessor processor =
        CommandProcessor.builder()
            .handlers(
                new SubscriberRegistry().register(RemindCustomer.class, RemindHandler.class),
                new SimpleHandlerFactory()
                    .register(RemindHandler.class, () -> new RemindHandler(reminded)))
            .scheduler(scheduler)
            .externalBus(
                ExternalBusConfiguration.builder()
                    .producers(ProducerRegistry.of(List.of(scheduler.producer())))
                    .outbox(outbox)
                    .build())
            .build();
    return new Swept(
        processor,
        OutboxSweeper.builder().commandProcessor(processor).minimumAge(Duration.ZERO).build());
  }

  static final class RemindHandler extends RequestHandler<RemindCustomer> {
    private final List<String> reminded;

    RemindHandler(List<String> reminded) {
      this.reminded = reminded;
    }

    @Override
    public RemindCustomer handle(RemindCustomer remind) {
      reminded.add(remind.name());
      return super.handle(remind);
    }
  }
}
