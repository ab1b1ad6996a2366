package io.brighter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.Command;
import io.brighter.Id;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Once-only under concurrency: two deliveries of the same command for the same context key, added
 * to a {@link JdbcInbox} at the same moment from two threads, leave exactly one row and no
 * exception; the inbox then says the command exists. Each case repeats with {@value #ROUNDS} fresh
 * ids so that the two inserts really race.
 */
class JdbcInboxConcurrentDeliveryIT {

  private static final int ROUNDS = 20;
  private static final String TABLE = "brighter_inbox_concurrent";
  private static final String CONTEXT_KEY = "greeter";

  record Greet(Id id, String name) implements Command {}

  @Test
  void two_concurrent_deliveries_on_postgres_leave_one_row() throws Exception {
    twoConcurrentDeliveriesLeaveOneRow(SqlDialect.POSTGRES, Databases.postgres());
  }

  @Test
  void two_concurrent_deliveries_on_mariadb_leave_one_row() throws Exception {
    twoConcurrentDeliveriesLeaveOneRow(SqlDialect.MYSQL, Databases.mariaDb());
  }

  @Test
  void two_concurrent_deliveries_on_sqlite_leave_one_row() throws Exception {
    twoConcurrentDeliveriesLeaveOneRow(
        SqlDialect.SQLITE, Databases.sqlite("brighter-jdbc-inbox-concurrent"));
  }

  private static void twoConcurrentDeliveriesLeaveOneRow(SqlDialect dialect, DataSource dataSource)
      throws Exception {
    JdbcInbox inbox =
        JdbcInbox.forDialect(dialect, dataSource).withTableName(TABLE).createTableIfMissing();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        // given
        Greet greet = new Greet(Id.random(), "Ada");
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        Runnable deliver =
            () -> {
              ready.countDown();
              try {
                assertThat(go.await(10, TimeUnit.SECONDS)).isTrue();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
              }
              inbox.add(greet, CONTEXT_KEY);
            };

        // when
        CompletableFuture<Void> first = CompletableFuture.runAsync(deliver, threads);
        CompletableFuture<Void> second = CompletableFuture.runAsync(deliver, threads);
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        CompletableFuture.allOf(first, second).join();

        // then
        assertThat(rows(dataSource, greet.id())).isEqualTo(1);
        assertThat(inbox.exists(greet.id(), CONTEXT_KEY, Greet.class)).isTrue();
        assertThat(inbox.get(greet.id(), CONTEXT_KEY, Greet.class)).contains(greet);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static int rows(DataSource dataSource, Id id) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count =
            connection.prepareStatement(
                "SELECT COUNT(*) FROM " + TABLE + " WHERE CommandId = ? AND ContextKey = ?")) {
      count.setString(1, id.value());
      count.setString(2, CONTEXT_KEY);
      try (ResultSet result = count.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    }
  }
}
