package io.brighter.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** The JDBC plumbing the stores share: connections, short transactions, DDL. */
final class Jdbc {

  /** Work on a connection that may throw {@link SQLException}. */
  @FunctionalInterface
  interface SqlWork<T extends @Nullable Object> {
    T apply(Connection connection) throws SQLException;
  }

  /** A call that may throw {@link SQLException}. */
  @FunctionalInterface
  interface SqlCall<T extends @Nullable Object> {
    T run() throws SQLException;
  }

  /** How many times a call the database chose as a deadlock victim is made in all. */
  static final int DEADLOCK_ATTEMPTS = 10;

  /**
   * SQLStates of a statement or transaction the database rolled back to break a deadlock or a
   * serialization conflict (MySQL/MariaDB 40001, PostgreSQL 40001 and 40P01): nothing of it was
   * kept, so it may run again.
   */
  private static final Set<String> DEADLOCK_VICTIM = Set.of("40001", "40P01");

  private Jdbc() {}

  /**
   * Makes {@code call}, and makes it again, up to {@value #DEADLOCK_ATTEMPTS} times in all, when
   * the database rolled it back as a deadlock victim: concurrent sweepers claiming and marking rows
   * of one table can deadlock on InnoDB's index locks even with {@code SKIP LOCKED}. Only for calls
   * that run in their own transaction.
   */
  static <T extends @Nullable Object> T retryingDeadlocks(SqlCall<T> call) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.run();
      } catch (SQLException e) {
        if (attempt >= DEADLOCK_ATTEMPTS || !DEADLOCK_VICTIM.contains(e.getSQLState())) {
          throw e;
        }
        pauseBeforeRetry(attempt);
      }
    }
  }

  /** A few milliseconds, more on each attempt and jittered, so the two sides do not meet again. */
  private static void pauseBeforeRetry(int attempt) throws SQLException {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("Interrupted before retrying a deadlocked call", e);
    }
  }

  /** Runs {@code work} on a connection of {@code dataSource} in autocommit mode. */
  static <T extends @Nullable Object> T withConnection(DataSource dataSource, SqlWork<T> work)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return work.apply(connection);
    }
  }

  /** Runs {@code work} in its own short transaction on a connection of {@code dataSource}. */
  static <T extends @Nullable Object> T inTransaction(DataSource dataSource, SqlWork<T> work)
      throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      return inTransaction(connection, work);
    }
  }

  /** Runs {@code work} in its own short transaction on {@code connection}, left open. */
  static <T extends @Nullable Object> T inTransaction(Connection connection, SqlWork<T> work)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      T result = work.apply(connection);
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(connection, e);
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /** Rolls back, adding a failure to do so to {@code cause}. */
  static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /**
   * Runs the DDL resources of {@code dialect} for {@code box}, each schema version in turn, with
   * {@code table} filled in; an index or a column that exists already is left as it is.
   */
  static void createTable(DataSource dataSource, SqlDialect dialect, String box, String table)
      throws SQLException {
    List<String> statements = new ArrayList<>();
    for (String version : SqlDialect.SCHEMA_VERSIONS) {
      String ddl = resource(dialect.schemaResource(box, version));
      if (ddl != null) {
        Arrays.stream(withoutComments(ddl.replace("${table}", table)).split(";", -1))
            .map(String::strip)
            .filter(sql -> !sql.isBlank())
            .forEach(statements::add);
      }
    }
    withConnection(
        dataSource,
        connection -> {
          try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
              try {
                statement.execute(sql);
              } catch (SQLException e) {
                if (!dialect.alreadyApplied(e)) {
                  throw e;
                }
              }
            }
          }
          return null;
        });
  }

  /** {@code "?, ?, ?"} for {@code count} parameters. */
  static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  private static String withoutComments(String sql) {
    return sql.lines()
        .filter(line -> !line.strip().startsWith("--"))
        .collect(Collectors.joining("\n"))
        .strip();
  }

  /** The text of the classpath resource at {@code path}, or null when there is none. */
  private static @Nullable String resource(String path) {
    try (InputStream in = Jdbc.class.getResourceAsStream(path)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the schema resource " + path, e);
    }
  }
}
