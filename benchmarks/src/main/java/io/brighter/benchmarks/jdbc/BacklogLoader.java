package io.brighter.benchmarks.jdbc;

import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.jdbc.JdbcOutbox;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fills an outbox table fast: stores one real message through the outbox, then copies its row
 * server-side with {@code generate_series}, each copy with a new message id, as dispatched rows and
 * as an outstanding backlog (oldest first in the order generated). A million rows take seconds
 * instead of minutes of client round trips; every copy reads back as a valid message.
 */
final class BacklogLoader {

  /** Columns the copy sets itself; every other column is copied from the template row. */
  private static final Set<String> GENERATED = Set.of("id", "messageid", "timestamp", "dispatched");

  private final BenchmarkDatabase database;
  private final JdbcOutbox outbox;

  BacklogLoader(BenchmarkDatabase database, JdbcOutbox outbox) {
    this.database = database;
    this.outbox = outbox;
  }

  /** Adds {@code dispatched} rows dispatched a day ago and {@code outstanding} waiting rows. */
  void load(int dispatched, int outstanding) {
    Message template = template();
    outbox.add(template, new RequestContext(), null);
    try (Connection connection = database.dataSource().getConnection()) {
      List<String> copied = copiedColumns(connection);
      copy(connection, template.id(), copied, dispatched, "now() - interval '1 day'");
      copy(connection, template.id(), copied, outstanding, "NULL");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not fill " + outbox.tableName(), e);
    }
    outbox.delete(List.of(template.id()));
    database.execute("VACUUM ANALYZE " + outbox.tableName());
  }

  private static Message template() {
    return new Message(
        MessageHeader.builder(Id.random(), RoutingKey.of("order.placed"), MessageType.EVENT)
            .timestamp(Instant.now())
            .build(),
        MessageBody.json(
            "{\"id\":\"0190f3a0-0000-7000-8000-000000000000\",\"customer\":\"customer-42\","
                + "\"amount\":1999}"));
  }

  private List<String> copiedColumns(Connection connection) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
                + " ORDER BY ordinal_position")) {
      query.setString(1, outbox.tableName().toLowerCase(java.util.Locale.ROOT));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          String column = rows.getString(1);
          if (!GENERATED.contains(column)) {
            columns.add(column);
          }
        }
      }
    }
    return columns;
  }

  private void copy(
      Connection connection, Id template, List<String> copied, int rows, String dispatched)
      throws SQLException {
    if (rows == 0) {
      return;
    }
    String columns = String.join(", ", copied);
    String sql =
        "INSERT INTO "
            + outbox.tableName()
            + " (messageid, timestamp, dispatched, "
            + columns
            + ") SELECT gen_random_uuid()::text,"
            + " now() - interval '1 hour' + g * interval '1 microsecond', "
            + dispatched
            + ", t."
            + String.join(", t.", copied)
            + " FROM "
            + outbox.tableName()
            + " t CROSS JOIN generate_series(1, ?) g WHERE t.messageid = ?";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setInt(1, rows);
      insert.setString(2, template.value());
      insert.executeUpdate();
    }
  }
}
