package io.brighter.samples.greetings.salutation;

import com.zaxxer.hikari.HikariDataSource;
import io.brighter.Id;
import io.brighter.inbox.Inbox;
import io.brighter.jdbc.JdbcInbox;
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
import java.util.function.Function;

/** The salutation service's tables in a relational database, written through a unit of work. */
final class JdbcSalutationsStore implements SalutationsStore {

  private final HikariDataSource dataSource;
  private final JdbcInbox inbox;
  private final JdbcOutbox outbox;

  JdbcSalutationsStore(SampleDatabase database, Path dataDir) {
    dataSource = database.open("salutations", dataDir);
    SampleJdbc.createTables(
        dataSource,
        "CREATE TABLE IF NOT EXISTS "
            + SALUTATIONS
            + " (greeting_id VARCHAR(36) NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL,"
            + " salutation VARCHAR(700) NOT NULL)");
    inbox =
        JdbcInbox.forDialect(database.dialect(), dataSource)
            .withTableName(INBOX)
            .createTableIfMissing();
    outbox =
        JdbcOutbox.forDialect(database.dialect(), dataSource)
            .withTableName(OUTBOX)
            .createTableIfMissing();
  }

  @Override
  public Inbox inbox() {
    return inbox;
  }

  @Override
  public Outbox outbox() {
    return outbox;
  }

  @Override
  public Id addSalutation(
      Id greetingId,
      String name,
      String salutation,
      Function<BoxTransactionProvider<?>, Id> deposit) {
    return SampleJdbc.inTransaction(
        dataSource,
        "store the salutation",
        unitOfWork -> {
          try (PreparedStatement insert =
              unitOfWork
                  .connection()
                  .prepareStatement(
                      "INSERT INTO "
                          + SALUTATIONS
                          + " (greeting_id, name, salutation) VALUES (?, ?, ?)")) {
            insert.setString(1, greetingId.value());
            insert.setString(2, name);
            insert.setString(3, salutation);
            insert.executeUpdate();
          }
          return deposit.apply(unitOfWork);
        });
  }

  @Override
  public int salutationsFor(String greetingId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement count =
            connection.prepareStatement(
                "SELECT COUNT(*) FROM " + SALUTATIONS + " WHERE greeting_id = ?")) {
      count.setString(1, greetingId);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count salutations", e);
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
