package io.brighter.jdbc;

import static java.util.Objects.requireNonNull;

import io.brighter.ConfigurationException;
import io.brighter.Id;
import io.brighter.RequestContext;
import io.brighter.internal.OutboxQueries;
import io.brighter.messaging.Message;
import io.brighter.messaging.RoutingKey;
import io.brighter.outbox.BlockingOutboxAsync;
import io.brighter.outbox.BoxTransactionProvider;
import io.brighter.outbox.Outbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link Outbox} in a relational table, on plain JDBC: PostgreSQL, MySQL/MariaDB or SQLite. The
 * table has .NET Brighter's outbox columns, so a Java and a .NET service can share it.
 *
 * {@snippet :
 * JdbcOutbox outbox = JdbcOutbox.forDialect(SqlDialect.POSTGRES, dataSource)
 *     .withTableName("greetings_outbox");
 * outbox.createTableIfMissing(); // or apply schema/v1/postgres-outbox.sql with Flyway
 * CommandProcessor commandProcessor = CommandProcessor.builder()
 *     .handlers(subscriberRegistry, handlerFactory)
 *     .externalBus(ExternalBusConfiguration.builder().producers(producers).outbox(outbox).build())
 *     .build();
 * }
 *
 * <p>Adds run in the {@link JdbcUnitOfWork} given (on its connection, committed with it), or
 * otherwise in a short transaction of their own; a batch is one JDBC batch. A message id already
 * stored is ignored on every dialect. Marking a list dispatched is one statement. {@link
 * #claimOutstanding} leases a page of the oldest outstanding messages in a short transaction, the
 * claims on one table taking turns ({@code FOR UPDATE SKIP LOCKED} under an advisory lock on
 * PostgreSQL, {@code FOR UPDATE} under {@code GET_LOCK} on MySQL/MariaDB, one {@code UPDATE …
 * RETURNING} on SQLite), so several sweepers do not send the same row while the lease lasts, each
 * partition key's messages go in the order they were stored, and no lock is held while the messages
 * are sent; a claim may leave out topics, and {@link #releaseClaims} clears the leases of messages
 * a sweep did not send. {@link #schedule} stores messages with a due time (a durable delay): each
 * sweep first makes the messages due by then outstanding, so they go at their due time or at the
 * sweep's minimum age after their timestamp, whichever is later, to within the sweep interval. Ages
 * are measured by the {@link Clock} (the JVM's by default) against the header timestamp, or the
 * {@code dispatchedAt} given to {@link #markDispatched}.
 *
 * <p>Immutable and thread-safe; {@code with…} return copies. The {@link
 * io.brighter.outbox.OutboxAsync} methods run the blocking JDBC work on a virtual thread. Database
 * failures are {@link JdbcStoreException}s; a transaction provider other than a {@code
 * BoxTransactionProvider<Connection>} is a {@link ConfigurationException}.
 */
public final class JdbcOutbox implements BlockingOutboxAsync {

  /** The table name used unless {@link #withTableName} sets another. */
  public static final String DEFAULT_TABLE_NAME = "outbox";

  /** The most ids put into one {@code IN (…)} list. */
  private static final Logger LOG = LoggerFactory.getLogger(JdbcOutbox.class);

  private final SqlDialect dialect;
  private final DataSource dataSource;
  private final Clock clock;
  private final OutboxSql sql;

  private JdbcOutbox(SqlDialect dialect, DataSource dataSource, String table, Clock clock) {
    this.dialect = dialect;
    this.dataSource = dataSource;
    this.clock = clock;
    this.sql = OutboxSql.of(dialect, TableNames.check(table, "JdbcOutbox.tableName"));
  }

  /** An outbox in the table {@value #DEFAULT_TABLE_NAME} of {@code dataSource}. */
  public static JdbcOutbox forDialect(SqlDialect dialect, DataSource dataSource) {
    return new JdbcOutbox(
        requireNonNull(dialect, "dialect must not be null"),
        requireNonNull(dataSource, "dataSource must not be null"),
        DEFAULT_TABLE_NAME,
        Clock.systemUTC());
  }

  /**
   * This outbox on the table {@code tableName}: letters, digits and underscores, not starting with
   * a digit, at most 48 characters.
   *
   * @throws ConfigurationException when the name is not such an identifier, or is an SQL reserved
   *     word
   */
  public JdbcOutbox withTableName(String tableName) {
    return new JdbcOutbox(dialect, dataSource, tableName, clock);
  }

  /** This outbox telling the time (for ages and leases) by {@code clock}. */
  public JdbcOutbox withClock(Clock clock) {
    return new JdbcOutbox(dialect, dataSource, sql.table(), requireNonNull(clock, "clock"));
  }

  /** The table this outbox uses. */
  public String tableName() {
    return sql.table();
  }

  /** The dialect this outbox speaks. */
  public SqlDialect dialect() {
    return dialect;
  }

  /**
   * Creates the table and its indexes when they do not exist, from the dialect's DDL resource.
   * Opt-in: call it at start-up, or hand the resource to a migration tool instead.
   *
   * @return this outbox
   */
  public JdbcOutbox createTableIfMissing() {
    try {
      Jdbc.createTable(dataSource, dialect, "outbox", sql.table());
      return this;
    } catch (SQLException e) {
      throw JdbcStoreException.failed("create the outbox table", sql.table(), e);
    }
  }

  @Override
  public void add(
      List<Message> messages,
      RequestContext context,
      @Nullable BoxTransactionProvider<?> transaction) {
    List<Message> toStore = List.copyOf(messages);
    Connection shared = transaction == null ? null : connectionOf(transaction);
    if (!toStore.isEmpty()) {
      write(shared, connection -> insert(connection, toStore), "add to the outbox");
    }
  }

  /**
   * Stores {@code messages} to be sent at {@code dueAt}, in the {@link JdbcUnitOfWork} given or in
   * a transaction of their own, replacing stored messages of the same ids, as {@link
   * io.brighter.outbox.Outbox#schedule} says: rows with a {@code DueAt}, which the next sweep at or
   * after that time makes outstanding.
   */
  @Override
  public void schedule(
      List<Message> messages,
      Instant dueAt,
      RequestContext context,
      @Nullable BoxTransactionProvider<?> transaction) {
    requireNonNull(dueAt, "dueAt must not be null");
    List<Message> toStore = List.copyOf(messages);
    Connection shared = transaction == null ? null : connectionOf(transaction);
    if (!toStore.isEmpty()) {
      write(
          shared,
          connection -> insertScheduled(connection, toStore, dueAt),
          "schedule messages in the outbox");
    }
  }

  /** Runs {@code work} on the caller's connection when given, else in a transaction of its own. */
  private void write(@Nullable Connection shared, Jdbc.SqlWork<Integer> work, String operation) {
    try {
      if (shared != null) {
        work.apply(shared);
      } else {
        Jdbc.inTransaction(dataSource, work);
      }
    } catch (SQLException e) {
      throw failed(operation, e);
    }
  }

  @Override
  public boolean reschedule(Id id, Instant dueAt) {
    requireNonNull(id, "id must not be null");
    requireNonNull(dueAt, "dueAt must not be null");
    Instant now = clock.instant();
    return changeScheduled(
        sql.reschedule(),
        update -> {
          dialect.setInstant(update, 1, dueAt);
          update.setString(2, id.value());
          dialect.setInstant(update, 3, now);
        },
        "reschedule a message in the outbox");
  }

  @Override
  public boolean cancelScheduled(Id id) {
    requireNonNull(id, "id must not be null");
    Instant now = clock.instant();
    return changeScheduled(
        sql.cancelScheduled(),
        delete -> {
          delete.setString(1, id.value());
          dialect.setInstant(delete, 2, now);
        },
        "cancel a scheduled message in the outbox");
  }

  /** Binds a statement's parameters. */
  @FunctionalInterface
  private interface Parameters {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** Runs {@code statement} on one scheduled row; whether it changed one. */
  private boolean changeScheduled(String statement, Parameters parameters, String operation) {
    try {
      return Jdbc.retryingDeadlocks(
          () ->
              Jdbc.withConnection(
                  dataSource,
                  connection -> {
                    try (PreparedStatement change = connection.prepareStatement(statement)) {
                      parameters.bind(change);
                      return change.executeUpdate() > 0;
                    }
                  }));
    } catch (SQLException e) {
      throw failed(operation, e);
    }
  }

  /**
   * Makes the scheduled messages due by {@code now} outstanding, on {@code connection} before a
   * listing or a claim (in a statement of its own, outside the claim's transaction).
   */
  private void promoteDue(Connection connection, Instant now) throws SQLException {
    try (PreparedStatement promote = connection.prepareStatement(sql.promote())) {
      dialect.setInstant(promote, 1, now);
      promote.executeUpdate();
    }
  }

  private int insertScheduled(Connection connection, List<Message> messages, Instant dueAt)
      throws SQLException {
    try (PreparedStatement schedule = connection.prepareStatement(sql.schedule())) {
      for (Message message : messages) {
        MessageRows.bind(schedule, 0, dialect, message);
        dialect.setInstant(schedule, OutboxSql.COLUMN_COUNT + 1, dueAt);
        schedule.addBatch();
      }
      return schedule.executeBatch().length;
    }
  }

  @Override
  public List<Message> get(List<Id> ids) {
    List<Id> unique = List.copyOf(new LinkedHashSet<>(ids));
    if (unique.isEmpty()) {
      return List.of();
    }
    try {
      return Jdbc.withConnection(
          dataSource,
          connection -> {
            List<Message> found = new ArrayList<>();
            for (List<Id> chunk : chunks(unique)) {
              found.addAll(query(connection, sql.selectIn(chunk.size()), chunk));
            }
            return List.copyOf(found);
          });
    } catch (SQLException e) {
      throw failed("read from the outbox", e);
    }
  }

  @Override
  public void markDispatched(Id id, Instant dispatchedAt) {
    requireNonNull(id, "id must not be null");
    markDispatched(List.of(id), dispatchedAt);
  }

  @Override
  public void markDispatched(List<Id> ids, Instant dispatchedAt) {
    requireNonNull(dispatchedAt, "dispatchedAt must not be null");
    updateById(
        ids,
        sql::markDispatchedIn,
        update -> {
          dialect.setInstant(update, 1, dispatchedAt);
          return 2;
        },
        "mark messages dispatched in the outbox");
  }

  /** Clears the lease of each outstanding message of {@code ids}, one statement per 500 ids. */
  @Override
  public void releaseClaims(List<Id> ids) {
    updateById(ids, sql::releaseIn, update -> 1, "give back claims in the outbox");
  }

  /** Binds an update's parameters before its ids; the index of the first id. */
  @FunctionalInterface
  private interface LeadingParameters {
    int bind(PreparedStatement statement) throws SQLException;
  }

  /**
   * Runs the update {@code statement} makes for a number of ids over {@code ids}, 500 at a time,
   * each in a connection of its own: {@code parameters} binds what comes before the ids.
   */
  private void updateById(
      List<Id> ids, IntFunction<String> statement, LeadingParameters parameters, String operation) {
    try {
      for (List<Id> chunk : chunks(List.copyOf(new LinkedHashSet<>(ids)))) {
        Jdbc.retryingDeadlocks(
            () ->
                Jdbc.withConnection(
                    dataSource,
                    connection -> {
                      try (PreparedStatement update =
                          connection.prepareStatement(statement.apply(chunk.size()))) {
                        bindIds(update, parameters.bind(update), chunk);
                        return update.executeUpdate();
                      }
                    }));
      }
    } catch (SQLException e) {
      throw failed(operation, e);
    }
  }

  @Override
  public List<Message> outstandingMessages(Duration minimumAge, int pageSize) {
    OutboxQueries.checkPageSize(pageSize);
    Instant now = clock.instant();
    Instant cutoff = OutboxQueries.cutoff(now, minimumAge);
    try {
      return Jdbc.withConnection(
          dataSource,
          connection -> {
            promoteDue(connection, now);
            try (PreparedStatement select = connection.prepareStatement(sql.outstanding())) {
              dialect.setInstant(select, 1, cutoff);
              select.setInt(2, pageSize);
              return readAll(select);
            }
          });
    } catch (SQLException e) {
      throw failed("list outstanding messages of the outbox", e);
    }
  }

  @Override
  public List<Message> claimOutstanding(Duration minimumAge, int pageSize, Duration lease) {
    return claimOutstanding(minimumAge, pageSize, lease, Set.of());
  }

  @Override
  public List<Message> claimOutstanding(
      Duration minimumAge, int pageSize, Duration lease, Set<RoutingKey> excludedTopics) {
    List<String> excluded = OutboxQueries.topicNames(excludedTopics);
    OutboxQueries.checkPageSize(pageSize);
    OutboxQueries.checkLease(lease);
    Instant now = clock.instant();
    Instant cutoff = OutboxQueries.cutoff(now, minimumAge);
    Instant leaseEnds = OutboxQueries.leaseEnd(now, lease);
    try {
      return Jdbc.retryingDeadlocks(
          () ->
              Jdbc.withConnection(
                  dataSource,
                  connection -> {
                    promoteDue(connection, now);
                    dialect.lockClaims(connection, sql.table());
                    try {
                      return Jdbc.inTransaction(
                          connection,
                          dialect.claimsWithUpdateReturning()
                              ? claiming ->
                                  claimByUpdateReturning(
                                      claiming, cutoff, now, excluded, pageSize, leaseEnds)
                              : claiming ->
                                  claimBySelectForUpdate(
                                      claiming, cutoff, now, excluded, pageSize, leaseEnds));
                    } finally {
                      dialect.unlockClaims(connection, sql.table());
                    }
                  }));
    } catch (SQLException e) {
      throw failed("claim outstanding messages of the outbox", e);
    }
  }

  @Override
  public List<Message> messagesCausedBy(Id causationId) {
    requireNonNull(causationId, "causationId must not be null");
    try {
      return Jdbc.withConnection(
          dataSource,
          connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.causedBy())) {
              select.setString(1, causationId.value());
              return readAll(select);
            }
          });
    } catch (SQLException e) {
      throw failed("list messages by causation id in the outbox", e);
    }
  }

  @Override
  public List<Message> dispatchedMessages(Duration age, int pageSize) {
    OutboxQueries.checkPageSize(pageSize);
    Instant cutoff = OutboxQueries.cutoff(clock.instant(), age);
    try {
      return Jdbc.withConnection(
          dataSource,
          connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.dispatched())) {
              dialect.setInstant(select, 1, cutoff);
              select.setInt(2, pageSize);
              return readAll(select);
            }
          });
    } catch (SQLException e) {
      throw failed("list dispatched messages of the outbox", e);
    }
  }

  @Override
  public void delete(List<Id> ids) {
    List<Id> unique = List.copyOf(new LinkedHashSet<>(ids));
    if (unique.isEmpty()) {
      return;
    }
    try {
      Jdbc.withConnection(
          dataSource,
          connection -> {
            for (List<Id> chunk : chunks(unique)) {
              try (PreparedStatement delete =
                  connection.prepareStatement(sql.deleteIn(chunk.size()))) {
                bindIds(delete, 1, chunk);
                delete.executeUpdate();
              }
            }
            return null;
          });
    } catch (SQLException e) {
      throw failed("delete from the outbox", e);
    }
  }

  @Override
  public long outstandingCount() {
    try {
      return Jdbc.withConnection(
          dataSource,
          connection -> {
            try (PreparedStatement count = connection.prepareStatement(sql.count());
                ResultSet result = count.executeQuery()) {
              return result.next() ? result.getLong(1) : 0L;
            }
          });
    } catch (SQLException e) {
      throw failed("count outstanding messages of the outbox", e);
    }
  }

  /**
   * Inserts {@code messages}, {@link OutboxSql#ROWS_PER_INSERT} to a statement, in one JDBC batch;
   * how many rows were new.
   */
  private int insert(Connection connection, List<Message> messages) throws SQLException {
    int inserted = 0;
    int fullStatements = messages.size() / OutboxSql.ROWS_PER_INSERT;
    if (fullStatements > 0) {
      try (PreparedStatement insert =
          connection.prepareStatement(sql.insert(OutboxSql.ROWS_PER_INSERT))) {
        for (int from = 0; from < fullStatements * OutboxSql.ROWS_PER_INSERT; ) {
          for (int row = 0; row < OutboxSql.ROWS_PER_INSERT; row++, from++) {
            MessageRows.bind(insert, row * OutboxSql.COLUMN_COUNT, dialect, messages.get(from));
          }
          insert.addBatch();
        }
        for (int count : insert.executeBatch()) {
          inserted += Math.max(count, 0);
        }
      }
    }
    List<Message> rest =
        messages.subList(fullStatements * OutboxSql.ROWS_PER_INSERT, messages.size());
    if (!rest.isEmpty()) {
      try (PreparedStatement insert = connection.prepareStatement(sql.insert(rest.size()))) {
        for (int row = 0; row < rest.size(); row++) {
          MessageRows.bind(insert, row * OutboxSql.COLUMN_COUNT, dialect, rest.get(row));
        }
        inserted += insert.executeUpdate();
      }
    }
    if (inserted < messages.size()) {
      LOG.debug(
          "{} of {} messages were already in outbox {}; the duplicates are ignored",
          messages.size() - inserted,
          messages.size(),
          sql.table());
    }
    return inserted;
  }

  private List<Message> claimBySelectForUpdate(
      Connection connection,
      Instant cutoff,
      Instant now,
      List<String> excludedTopics,
      int pageSize,
      Instant leaseEnds)
      throws SQLException {
    List<Message> claimed;
    try (PreparedStatement select =
        connection.prepareStatement(sql.claimSelect(excludedTopics.size()))) {
      bindClaim(select, 1, cutoff, now, excludedTopics, pageSize);
      claimed = readAll(select);
    }
    if (!claimed.isEmpty()) {
      try (PreparedStatement lease = connection.prepareStatement(sql.leaseIn(claimed.size()))) {
        dialect.setInstant(lease, 1, leaseEnds);
        bindIds(lease, 2, claimed.stream().map(Message::id).toList());
        lease.executeUpdate();
      }
    }
    return claimed;
  }

  private List<Message> claimByUpdateReturning(
      Connection connection,
      Instant cutoff,
      Instant now,
      List<String> excludedTopics,
      int pageSize,
      Instant leaseEnds)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(sql.claimUpdateReturning(excludedTopics.size()))) {
      dialect.setInstant(update, 1, leaseEnds);
      bindClaim(update, 2, cutoff, now, excludedTopics, pageSize);
      record Claimed(Message message, long sequence) {}
      List<Claimed> claimed = new ArrayList<>();
      try (ResultSet rows = update.executeQuery()) {
        int sequence = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          claimed.add(new Claimed(MessageRows.read(rows, dialect), rows.getLong(sequence)));
        }
      }
      return claimed.stream()
          .sorted(
              Comparator.comparing((Claimed c) -> c.message().header().timestamp())
                  .thenComparingLong(Claimed::sequence))
          .map(Claimed::message)
          .toList();
    }
  }

  /** Binds a claim's parameters from {@code first}, in the order {@link OutboxSql} gives. */
  private void bindClaim(
      PreparedStatement claim,
      int first,
      Instant cutoff,
      Instant now,
      List<String> excludedTopics,
      int pageSize)
      throws SQLException {
    int i = first;
    dialect.setInstant(claim, i++, cutoff);
    dialect.setInstant(claim, i++, now);
    bindTexts(claim, i, excludedTopics);
    i += excludedTopics.size();
    dialect.setInstant(claim, i++, now);
    bindTexts(claim, i, excludedTopics);
    i += excludedTopics.size();
    claim.setInt(i, pageSize);
  }

  private List<Message> query(Connection connection, String query, List<Id> ids)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(query)) {
      bindIds(select, 1, ids);
      return readAll(select);
    }
  }

  private List<Message> readAll(PreparedStatement select) throws SQLException {
    List<Message> found = new ArrayList<>();
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        found.add(MessageRows.read(rows, dialect));
      }
    }
    return List.copyOf(found);
  }

  private void bindIds(PreparedStatement statement, int first, List<Id> ids) throws SQLException {
    dialect.bindIds(statement, first, ids.stream().map(Id::value).toList());
  }

  private static void bindTexts(PreparedStatement statement, int first, List<String> texts)
      throws SQLException {
    for (int i = 0; i < texts.size(); i++) {
      statement.setString(first + i, texts.get(i));
    }
  }

  private List<List<Id>> chunks(List<Id> ids) {
    int size = dialect.idsPerStatement();
    List<List<Id>> chunks = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += size) {
      chunks.add(ids.subList(from, Math.min(ids.size(), from + size)));
    }
    return chunks;
  }

  private JdbcStoreException failed(String operation, SQLException e) {
    return JdbcStoreException.failed(operation, sql.table(), e);
  }

  /**
   * The connection of {@code provider}, which must be a {@code BoxTransactionProvider<Connection>}.
   */
  static Connection connectionOf(BoxTransactionProvider<?> provider) {
    if (provider instanceof JdbcUnitOfWork unitOfWork) {
      return unitOfWork.connection();
    }
    if (provider.transaction() instanceof Connection connection) {
      return connection;
    }
    throw new ConfigurationException(
        "A JDBC store cannot write in a transaction of "
            + provider.getClass().getName()
            + "; it needs a BoxTransactionProvider<java.sql.Connection> such as "
            + JdbcUnitOfWork.class.getName());
  }
}
