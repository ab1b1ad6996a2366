package io.brighter.jdbc;

import io.brighter.Id;
import io.brighter.internal.StoredJson;
import io.brighter.messaging.HeaderNames;
import io.brighter.messaging.Message;
import io.brighter.messaging.MessageBody;
import io.brighter.messaging.MessageHeader;
import io.brighter.messaging.MessageType;
import io.brighter.messaging.RoutingKey;
import io.brighter.messaging.wire.WireMessageType;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Writes a message into the parameters of {@link OutboxSql#insert} and reads it from a row. */
final class MessageRows {

  /** .NET Brighter writes message types as {@code MT_EVENT}; so does this store. */
  private MessageRows() {}

  /**
   * Sets the parameters of one row of an insert, in {@link OutboxSql#COLUMNS} order, after the
   * first {@code before} parameters.
   */
  static void bind(PreparedStatement insert, int before, SqlDialect dialect, Message message)
      throws SQLException {
    MessageHeader header = message.header();
    int i = before;
    insert.setString(++i, header.messageId().value());
    insert.setString(++i, header.topic().value());
    insert.setString(++i, WireMessageType.write(header.messageType()));
    dialect.setInstant(insert, ++i, header.timestamp());
    setText(insert, ++i, header.correlationId() == null ? null : header.correlationId().value());
    setText(insert, ++i, header.replyTo() == null ? null : header.replyTo().value());
    insert.setString(++i, header.contentType());
    setText(insert, ++i, header.partitionKey());
    insert.setString(++i, StoredJson.bagToJson(header.bag()));
    insert.setBytes(++i, message.body().bytes());
    insert.setString(++i, header.source().toString());
    insert.setString(++i, header.type());
    setText(insert, ++i, header.dataSchema() == null ? null : header.dataSchema().toString());
    setText(insert, ++i, header.subject());
    setText(insert, ++i, header.traceParent());
    setText(insert, ++i, header.traceState());
    setText(insert, ++i, header.baggage());
    setText(insert, ++i, header.dataRef());
    setText(insert, ++i, causationId(message));
    insert.setString(++i, header.specVersion());
    insert.setInt(++i, header.handledCount());
    insert.setLong(++i, header.delay().toMillis());
  }

  /** The message in the current row of a result of {@link OutboxSql#select}. */
  static Message read(ResultSet row, SqlDialect dialect) throws SQLException {
    Id id = Id.of(row.getString("MessageId"));
    Instant timestamp = dialect.getInstant(row, "Timestamp");
    String contentType = text(row, "ContentType", MessageBody.JSON);
    MessageHeader.Builder header =
        MessageHeader.builder(id, RoutingKey.of(row.getString("Topic")), messageType(row))
            .timestamp(timestamp == null ? Instant.EPOCH : timestamp)
            .handledCount(row.getInt("HandledCount"))
            .delay(Duration.ofMillis(row.getLong("DelayMilliseconds")))
            .contentType(contentType)
            .partitionKey(row.getString("PartitionKey"))
            .bag(StoredJson.bagFromJson(row.getString("HeaderBag")))
            .source(URI.create(text(row, "Source", MessageHeader.DEFAULT_SOURCE.toString())))
            .type(text(row, "Type", MessageHeader.DEFAULT_TYPE))
            .specVersion(text(row, "SpecVersion", MessageHeader.SPEC_VERSION))
            .subject(row.getString("Subject"))
            .dataRef(row.getString("DataRef"))
            .traceParent(row.getString("TraceParent"))
            .traceState(row.getString("TraceState"))
            .baggage(row.getString("Baggage"));
    String correlationId = row.getString("CorrelationId");
    if (correlationId != null && !correlationId.isBlank()) {
      header.correlationId(Id.of(correlationId));
    }
    String replyTo = row.getString("ReplyTo");
    if (replyTo != null && !replyTo.isBlank()) {
      header.replyTo(RoutingKey.of(replyTo));
    }
    String dataSchema = row.getString("DataSchema");
    if (dataSchema != null && !dataSchema.isBlank()) {
      header.dataSchema(URI.create(dataSchema));
    }
    byte[] body = row.getBytes("Body");
    return new Message(
        header.build(), new MessageBody(body == null ? new byte[0] : body, contentType));
  }

  private static @Nullable String causationId(Message message) {
    Object value = message.header().bag().get(HeaderNames.CAUSATION_ID);
    return value == null ? null : value.toString();
  }

  private static MessageType messageType(ResultSet row) throws SQLException {
    return WireMessageType.readOrNone(row.getString("MessageType"));
  }

  private static String text(ResultSet row, String column, String fallback) throws SQLException {
    String value = row.getString(column);
    return value == null ? fallback : value;
  }

  private static void setText(PreparedStatement statement, int index, @Nullable String value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value);
    }
  }
}
