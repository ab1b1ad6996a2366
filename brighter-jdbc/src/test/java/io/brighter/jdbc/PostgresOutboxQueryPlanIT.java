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
    assertThat(plan).anyMatch(line -> line.contains("idx_" + table + "_outstanding"));
  }

  private List<String> explain(String sql) throws SQLException {
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection connection = DATA_SOURCE.getConnection();
        PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
      explain.setTimestamp(1, now);
      explain.setTimestamp(2, now);
      explain.setTimestamp(3, now);
      explain.setInt(4, 100);
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
