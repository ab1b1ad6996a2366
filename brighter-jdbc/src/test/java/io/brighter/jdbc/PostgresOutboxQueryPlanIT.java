package io.brighter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.brighter.Id;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sweeper's claim on PostgreSQL reads the oldest outstanding rows in index order and stops at
 * the page size, however many rows are outstanding: no sort of the whole backlog. Without this, a
 * drain of 100,000 messages slowed to about 50 ms per batch of 100.
 */
class PostgresOutboxQueryPlanIT {

  private static final DataSource DATA_SOURCE = Databases.postgres();
  private static final int OUTSTANDING = 20_000;

  private final String table =
      "brighter_plan_" + Id.random().value().replace("-", "").substring(20);

  @AfterEach
  void dropTable() throws SQLException {
    execute("DROP TABLE IF EXISTS " + table);
  }

  @Test
  void the_claim_reads_the_outstanding_index_in_order_without_sorting_the_backlog()
      throws SQLException {
    // given
    JdbcOutbox.forDialect(SqlDialect.POSTGRES, DATA_SOURCE)
        .withTableName(table)
        .createTableIfMissing();
    execute(
        "INSERT INTO "
            + table
            + " (MessageId, Topic, MessageType, Timestamp) SELECT gen_random_uuid()::text,"
            + " 'plan', 'MT_EVENT', now() - g * interval '1 millisecond'"
            + " FROM generate_series(1, "
            + OUTSTANDING
            + ") g");
    execute("ANALYZE " + table);
    String claim = OutboxSql.of(SqlDialect.POSTGRES, table).claimSelect(0);

    // when
    List<String> plan = explain(claim);

    // then
    assertThat(plan)
        .as("no sort of the backlog; ties of one timestamp sorted by id as they come")
        .noneMatch(line -> line.strip().replaceFirst("^->\\s+", "").startsWith("Sort  ("))
        .anyMatch(line -> line.contains("Incremental Sort"));
    assertThat(plan)
        .as("earlier messages of a partition key found through their index")
        .anyMatch(line -> line.contains("idx_" + table + "_outstanding_partitionkey"));
    assertThat(plan).anyMatch(line -> line.contains("idx_" + table + "_outstanding_ready"));
  }

  @Test // #15: messages scheduled for later cost a sweep nothing
  void a_sweep_finds_due_scheduled_messages_through_their_index_and_claims_past_the_rest()
      throws SQLException {
    // given as many messages scheduled for later as outstanding
    JdbcOutbox.forDialect(SqlDialect.POSTGRES, DATA_SOURCE)
        .withTableName(table)
        .createTableIfMissing();
    execute(
        "INSERT INTO "
            + table
            + " (MessageId, Topic, MessageType, Timestamp, DueAt) SELECT"
            + " gen_random_uuid()::text, 'plan', 'MT_EVENT', now() - g * interval '1 millisecond',"
            + " CASE WHEN g % 2 = 0 THEN now() + g * interval '1 second' END"
            + " FROM generate_series(1, "
            + 2 * OUTSTANDING
            + ") g");
    execute("ANALYZE " + table);
    OutboxSql sql = OutboxSql.of(SqlDialect.POSTGRES, table);

    // when
    List<String> promote = explain(sql.promote());
    List<String> claim = explain(sql.claimSelect(0));

    // then
    assertThat(promote).anyMatch(line -> line.contains("idx_" + table + "_scheduled"));
    assertThat(claim)
        .noneMatch(line -> line.strip().replaceFirst("^->\\s+", "").startsWith("Sort  ("))
        .anyMatch(line -> line.contains("idx_" + table + "_outstanding_ready"));
  }

  /** The plan of {@code sql} with its parameters bound: instants now, the last a page of 100. */
  private List<String> explain(String sql) throws SQLException {
    Timestamp now = Timestamp.from(Instant.now());
    int parameters = (int) sql.chars().filter(c -> c == '?').count();
    try (Connection connection = DATA_SOURCE.getConnection();
        PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
      for (int i = 1; i <= parameters; i++) {
        if (i == parameters && sql.endsWith("LIMIT ?" + SqlDialect.POSTGRES.lockSkippingLocked())) {
          explain.setInt(i, 100);
        } else {
          explain.setTimestamp(i, now);
        }
      }
      List<String> lines = new ArrayList<>();
      try (ResultSet rows = explain.executeQuery()) {
        while (rows.next()) {
          lines.add(rows.getString(1));
        }
      }
      return lines;
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = DATA_SOURCE.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
