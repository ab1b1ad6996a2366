package io.brighter.jdbc;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.Request;
import io.brighter.inbox.BlockingInboxAsync;
import io.brighter.inbox.Inbox;
import io.brighter.internal.StoredJson;
import io.brighter.outbox.BoxTransactionProvider;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Inbox} in a relational table, on plain JDBC: PostgreSQL, MySQL/MariaDB or SQLite. The
 * table has .NET Brighter's inbox columns and is keyed by (command id, context key) on every
 * dialect; requests are kept as JSON text.
 *
 * {@snippet :
 * JdbcInbox inbox = JdbcInbox.forDialect(SqlDialect.MYSQL, dataSource)
 *     .withTableName("greetings_inbox")
 *     .createTableIfMissing();
 * CommandProcessor commandProcessor = CommandProcessor.builder()
 *     .handlers(subscriberRegistry, handlerFactory)
 *     .inbox(inbox)
 *     .build();
 * }
 *
 * <p>Adding an entry whose (id, context key) is stored is ignored, also when two deliveries of one
 * request add it at the same moment: the database's key decides, and the first entry stays. An
 * entry of another request type under the same key reads as absent. Immutable and thread-safe; the
 * {@link io.brighter.inbox.InboxAsync} methods run the JDBC work on a virtual thread. Database
 * failures are {@link JdbcStoreException}s.
 */
public final class JdbcInbox implements BlockingInboxAsync {

  /** The table name used unless {@link #withTableName} sets another. */
  public static final String DEFAULT_TABLE_NAME = "inbox";

  private static final Logger LOG = LoggerFactory.getLogger(JdbcInbox.class);

  private final SqlDialect dialect;
  private final DataSource dataSource;
  private final Clock clock;
  private final String table;
  private final String insert;
  private final String select;

  private JdbcInbox(SqlDialect dialect, DataSource dataSource, String table, Clock clock) {
    this.dialect = dialect;
    this.dataSource = dataSource;
    this.clock = clock;
    this.table = TableNames.check(table, "JdbcInbox.tableName");
    this.insert =
        """
        INSERT INTO %s (CommandId, CommandType, CommandBody, Timestamp, ContextKey, CausationId) \
        VALUES (?, ?, ?, ?, ?, ?)"""
                .formatted(this.table)
            + dialect.ignoreDuplicate("CommandId, ContextKey");
    this.select =
        """
        SELECT CommandBody FROM %s WHERE CommandId = ? AND ContextKey = ? AND CommandType = ?"""
            .formatted(this.table);
  }

  /** An inbox in the table {@value #DEFAULT_TABLE_NAME} of {@code dataSource}. */
  public static JdbcInbox forDialect(SqlDialect dialect, DataSource dataSource) {
    return new JdbcInbox(
        requireNonNull(dialect, "dialect must not be null"),
        requireNonNull(dataSource, "dataSource must not be null"),
        DEFAULT_TABLE_NAME,
        Clock.systemUTC());
  }

  /**
   * This inbox on the table {@code tableName}: letters, digits and underscores, not starting with a
   * digit, at most 48 characters.
   *
   * @throws io.brighter.ConfigurationException when the name is not such an identifier, or is an
   *     SQL reserved word
   */
  public JdbcInbox withTableName(String tableName) {
    return new JdbcInbox(dialect, dataSource, tableName, clock);
  }

  /** This inbox stamping entries with the time of {@code clock}. */
  public JdbcInbox withClock(Clock clock) {
    return new JdbcInbox(dialect, dataSource, table, requireNonNull(clock, "clock"));
  }

  /** The table this inbox uses. */
  public String tableName() {
    return table;
  }

  /** The dialect this inbox speaks. */
  public SqlDialect dialect() {
    return dialect;
  }

  /**
   * Creates the table when it does not exist, from the dialect's DDL resource. Opt-in: call it at
   * start-up, or hand the resource to a migration tool instead.
   *
   * @return this inbox
   */
  public JdbcInbox createTableIfMissing() {
    try {
      Jdbc.createTable(dataSource, dialect, "inbox", table);
      return this;
    } catch (SQLException e) {
      throw JdbcStoreException.failed("create the inbox table", table, e);
    }
  }

  @Override
  public void add(Request request, String contextKey) {
    add(request, contextKey, null);
  }

  /**
   * Records {@code request} on {@code transaction}'s connection (a {@link JdbcUnitOfWork} or any
   * {@code BoxTransactionProvider<Connection>}), so it commits with the caller; without one, in a
   * short transaction of its own.
   *
   * @throws ConfigurationException when the transaction is not on a JDBC connection
   */
  @Override
  public void add(
      Request request, String contextKey, @Nullable BoxTransactionProvider<?> transaction) {
    requireNonNull(request, "request must not be null");
    requireNonNull(contextKey, "contextKey must not be null");
    String json = StoredJson.requestToJson(request);
    Jdbc.SqlWork<Integer> insertRecord =
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, request.id().value());
            statement.setString(2, request.getClass().getName());
            statement.setString(3, json);
            dialect.setInstant(statement, 4, clock.instant());
            statement.setString(5, contextKey);
            statement.setNull(6, Types.VARCHAR);
            return statement.executeUpdate();
          }
        };
    try {
      int added =
          transaction == null
              ? Jdbc.withConnection(dataSource, insertRecord)
              : insertRecord.apply(JdbcOutbox.connectionOf(transaction));
      if (added == 0) {
        LOG.debug(
            "Request {} is already in inbox {} for context '{}'; the duplicate is ignored",
            request.id(),
            table,
            contextKey);
      }
    } catch (SQLException e) {
      throw JdbcStoreException.failed("add to the inbox", table, e);
    }
  }

  /**
   * A {@link JdbcUnitOfWork} on this inbox's data source: a handler behind the inbox writes its
   * effect on its connection, and the record of the request commits with it.
   */
  @Override
  public BoxTransactionProvider<?> newTransaction() {
    return new JdbcUnitOfWork(dataSource);
  }

  @Override
  public <T extends Request> Optional<T> get(Id id, String contextKey, Class<T> type) {
    return Optional.ofNullable(body(id, contextKey, type))
        .map(json -> StoredJson.requestFromJson(json, type));
  }

  @Override
  public boolean exists(Id id, String contextKey, Class<?> type) {
    return body(id, contextKey, type) != null;
  }

  private @Nullable String body(Id id, String contextKey, Class<?> type) {
    requireNonNull(id, "id must not be null");
    requireNonNull(contextKey, "contextKey must not be null");
    requireNonNull(type, "type must not be null");
    try {
      return Jdbc.withConnection(
          dataSource,
          connection -> {
            try (PreparedStatement statement = connection.prepareStatement(select)) {
              statement.setString(1, id.value());
              statement.setString(2, contextKey);
              statement.setString(3, type.getName());
              try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getString(1) : null;
              }
            }
          });
    } catch (SQLException e) {
      throw JdbcStoreException.failed("read from the inbox", table, e);
    }
  }
}
