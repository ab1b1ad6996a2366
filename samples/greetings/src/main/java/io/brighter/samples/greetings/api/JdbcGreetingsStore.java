package io.brighter.samples.greetings.api;

import com.zaxxer.hikari.HikariDataSource;
import io.brighter.Id;
import io.brighter.jdbc.JdbcOutbox;
import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.Outbox;
import io.brighter.samples.greetings.SampleDatabase;
import io.brighter.samples.greetings.SampleJdbc;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The greetings API's tables in a relational database, written through a JDBC unit of work. A
 * greeting is inserted by selecting its person's row, so an unknown person inserts nothing, and the
 * transaction begins with a write: SQLite then waits out a concurrent writer (the outbox marking a
 * message dispatched) instead of failing to upgrade a read to a write.
 */
final class JdbcGreetingsStore implements GreetingsStore {

  private final HikariDataSource dataSource;
  private final JdbcOutbox outbox;

  JdbcGreetingsStore(SampleDatabase database, Path dataDir) {
    dataSource = database.open("greetings", dataDir);
    SampleJdbc.createTables(
        dataSource,
        "CREATE TABLE IF NOT EXISTS " + PEOPLE + " (name VARCHAR(100) NOT NULL PRIMARY KEY)",
        "CREATE TABLE IF NOT EXISTS "
            + GREETINGS
            + " (id VARCHAR(36) NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL,"
            + " greeting VARCHAR(500) NOT NULL, created_at VARCHAR(40) NOT NULL)");
    outbox =
        JdbcOutbox.forDialect(database.dialect(), dataSource)
            .withTableName(OUTBOX)
            .createTableIfMissing();
  }

  @Override
  public Outbox outbox() {
    return outbox;
  }

  @Override
  public void addPerson(String name) {
    try (Connection connection = dataSource.getConnection()) {
      if (!personExists(connection, name)) {
        try (PreparedStatement insert =
            connection.prepareStatement("INSERT INTO " + PEOPLE + " (name) VALUES (?)")) {
          insert.setString(1, name);
          insert.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store " + name, e);
    }
  }

  @Override
  public Id addGreeting(
      Id id, String name, String greeting, Function<BoxTransactionProvider<?>, Id> deposit) {
    return SampleJdbc.inTransaction(
        dataSource,
        "store the greeting",
        unitOfWork -> {
          try (PreparedStatement insert =
              unitOfWork
                  .connection()
                  .prepareStatement(
                      "INSERT INTO "
                          + GREETINGS
                          + " (id, name, greeting, created_at) SELECT ?, name, ?, ? FROM "
                          + PEOPLE
                          + " WHERE name = ?")) {
            insert.setString(1, id.value());
            insert.setString(2, greeting);
            insert.setString(3, Instant.now().toString());
            insert.setString(4, name);
            if (insert.executeUpdate() == 0) {
              throw new PersonNotFoundException(name);
            }
          }
          return deposit.apply(unitOfWork);
        });
  }

  @Override
  public List<String> greetingsOf(String name) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT greeting FROM " + GREETINGS + " WHERE name = ? ORDER BY created_at, id")) {
      select.setString(1, name);
      List<String> greetings = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          greetings.add(rows.getString(1));
        }
      }
      return greetings;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read greetings of " + name, e);
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static boolean personExists(Connection connection, String name) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM " + PEOPLE + " WHERE name = ?")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }
}
