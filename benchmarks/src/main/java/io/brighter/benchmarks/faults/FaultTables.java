package io.brighter.benchmarks.faults;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.brighter.Id;
import io.brighter.jdbc.JdbcInbox;
import io.brighter.jdbc.JdbcOutbox;
import io.brighter.jdbc.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The matrix's tables in the loopback PostgreSQL: the outbox and inbox, and two logs the consumer
 * writes, one row per delivery that reached the handler's pipeline and one per effect of the
 * handler behind the inbox.
 */
final class FaultTables {

  static final String OUTBOX = "fault_outbox";
  static final String INBOX = "fault_inbox";
  static final String DELIVERIES = "fault_deliveries";
  static final String EFFECTS = "fault_effects";
  static final String DEFERRED = "fault_deferred";

  private FaultTables() {}

  private static final class Pool {
    static final HikariDataSource DATA_SOURCE = open();

    private static HikariDataSource open() {
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setUrl("jdbc:postgresql://127.0.0.1:5432/test");
      postgres.setUser("postgres");
      HikariConfig config = new HikariConfig();
      config.setDataSource(postgres);
      config.setMaximumPoolSize(4);
      return new HikariDataSource(config);
    }
  }

  /** This process's pool of connections to the loopback PostgreSQL. */
  static DataSource dataSource() {
    return Pool.DATA_SOURCE;
  }

  /** Drops and makes every table, empty. */
  static void reset() {
    execute(
        "DROP TABLE IF EXISTS " + String.join(", ", OUTBOX, INBOX, DELIVERIES, EFFECTS, DEFERRED),
        "CREATE TABLE " + DEFERRED + " (message_id VARCHAR(64) PRIMARY KEY)",
        "CREATE TABLE "
            + DELIVERIES
            + " (message_id VARCHAR(64) NOT NULL, at TIMESTAMPTZ"
            + " NOT NULL DEFAULT clock_timestamp())",
        "CREATE TABLE "
            + EFFECTS
            + " (message_id VARCHAR(64) NOT NULL, at TIMESTAMPTZ"
            + " NOT NULL DEFAULT clock_timestamp())");
    outbox().createTableIfMissing();
    JdbcInbox.forDialect(SqlDialect.POSTGRES, dataSource())
        .withTableName(INBOX)
        .createTableIfMissing();
  }

  /** The outbox of the matrix. */
  static JdbcOutbox outbox() {
    return JdbcOutbox.forDialect(SqlDialect.POSTGRES, dataSource()).withTableName(OUTBOX);
  }

  /** Records that {@code id} was deferred; false when it was before. */
  static boolean firstDeferral(Id id) {
    try (Connection connection = dataSource().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO " + DEFERRED + " (message_id) VALUES (?) ON CONFLICT DO NOTHING")) {
      insert.setString(1, id.value());
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("could not record the deferral of " + id, e);
    }
  }

  /** Adds a row for {@code id} to {@code log}, committed at once. */
  static void record(String log, Id id) {
    try (Connection connection = dataSource().getConnection()) {
      record(log, id, connection);
    } catch (SQLException e) {
      throw new IllegalStateException("could not record " + id + " in " + log, e);
    }
  }

  /** Adds a row for {@code id} to {@code log} on {@code connection}, in its transaction. */
  static void record(String log, Id id, Connection connection) {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO " + log + " (message_id) VALUES (?)")) {
      insert.setString(1, id.value());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not record " + id + " in " + log, e);
    }
  }

  /** How many messages a sweep has claimed and not yet marked dispatched. */
  static long claimedNotDispatched() {
    return count(
        "SELECT COUNT(*) FROM "
            + OUTBOX
            + " WHERE Dispatched IS NULL AND LeasedUntil > clock_timestamp()");
  }

  /** How many rows {@code log} holds. */
  static long rows(String log) {
    return count("SELECT COUNT(*) FROM " + log);
  }

  /** How many different messages {@code log} holds. */
  static long distinct(String log) {
    return count("SELECT COUNT(DISTINCT message_id) FROM " + log);
  }

  /** The different messages {@code log} holds. */
  static Set<String> distinctIds(String log) {
    try (Connection connection = dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT DISTINCT message_id FROM " + log)) {
      Set<String> ids = new HashSet<>();
      while (result.next()) {
        ids.add(result.getString(1));
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the messages of " + log, e);
    }
  }

  private static long count(String query) {
    try (Connection connection = dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("could not count: " + query, e);
    }
  }

  private static void execute(String... statements) {
    try (Connection connection = dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not prepare the fault tables", e);
    }
  }
}
