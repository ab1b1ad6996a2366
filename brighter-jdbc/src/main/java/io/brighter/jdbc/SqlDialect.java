package io.brighter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The SQL databases the JDBC stores speak to. Each constant overrides only the SQL and the value
 * binding that differ from the defaults written here (which are PostgreSQL's): the
 * duplicate-ignoring insert, how an instant is stored, and how outstanding messages are claimed.
 *
 * {@snippet :
 * JdbcOutbox outbox = JdbcOutbox.forDialect(SqlDialect.POSTGRES, dataSource).withTableName("outbox");
 * outbox.createTableIfMissing();
 * }
 *
 * <p>The table DDL of each dialect is the resource {@code
 * io/brighter/jdbc/schema/v1/<dialect>-outbox.sql} (and {@code -inbox.sql}), in which {@code
 * ${table}} stands for the table name.
 */
public enum SqlDialect {

  /** PostgreSQL 12 or newer: claims with {@code FOR UPDATE SKIP LOCKED}. */
  POSTGRES("postgres"),

  /**
   * MySQL 8 and MariaDB 10.6 or newer: claims take turns ({@code GET_LOCK}) and lock with {@code
   * FOR UPDATE}; instants are UTC in {@code DATETIME(6)} columns.
   */
  MYSQL("mysql") {
    @Override
    String ignoreDuplicate(String keyColumns) {
      String first = keyColumns.split(",", -1)[0].strip();
      return " ON DUPLICATE KEY UPDATE " + first + " = " + first;
    }

    @Override
    void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
      statement.setObject(index, LocalDateTime.ofInstant(clamp(instant), ZoneOffset.UTC));
    }

    @Override
    @Nullable Instant getInstant(ResultSet row, String column) throws SQLException {
      LocalDateTime value = row.getObject(column, LocalDateTime.class);
      return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    @Override
    String sequenceColumn() {
      return "CreatedID";
    }

    /**
     * {@code FOR UPDATE} without {@code SKIP LOCKED}: InnoDB applies a locking read's mode to the
     * claim's subquery too, so skipping would pass over an earlier message of a key whose lease
     * another transaction is giving back, and claim a later one. Claims take turns anyway ({@link
     * #lockClaims}), so waiting costs only the length of a mark or a release.
     */
    @Override
    String lockSkippingLocked() {
      return " FOR UPDATE";
    }

    @Override
    boolean bindsIdsAsArray() {
      return false;
    }

    /**
     * Also makes the claim's transaction, and only that one, read committed: InnoDB then locks only
     * the rows a claim takes, not every row and gap its scan passes, which deadlocked claims
     * against the updates that mark messages dispatched.
     */
    @Override
    void lockClaims(Connection connection, String table) throws SQLException {
      try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
        lock.setString(1, claimLockName(table));
        lock.setInt(2, CLAIM_LOCK_WAIT_SECONDS);
        try (ResultSet result = lock.executeQuery()) {
          if (!result.next() || result.getInt(1) != 1) {
            throw new SQLException("Timed out waiting for the claim lock of " + table, "40001");
          }
        }
      }
      try (Statement nextTransaction = connection.createStatement()) {
        nextTransaction.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
      }
    }

    @Override
    void unlockClaims(Connection connection, String table) throws SQLException {
      try (PreparedStatement unlock = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
        unlock.setString(1, claimLockName(table));
        unlock.executeQuery().close();
      }
    }

    /**
     * ER_DUP_FIELDNAME (1060) and ER_DUP_KEYNAME (1061): MySQL 8 has neither ADD COLUMN nor CREATE
     * INDEX IF NOT EXISTS.
     */
    @Override
    boolean alreadyApplied(SQLException e) {
      return e.getErrorCode() == 1060 || e.getErrorCode() == 1061;
    }

    @Override
    String replacingDuplicate(String keyColumn, List<String> columns) {
      StringBuilder update = new StringBuilder(" ON DUPLICATE KEY UPDATE ");
      for (String column : columns) {
        update.append(column).append(" = VALUES(").append(column).append("), ");
      }
      return update.append("Dispatched = NULL, LeasedUntil = NULL").toString();
    }
  },

  /**
   * SQLite 3.35 or newer: instants are fixed-width UTC ISO-8601 text, and a claim is one {@code
   * UPDATE … RETURNING} statement, atomic under SQLite's single writer. Open the database in WAL
   * mode with a busy timeout when several connections share it.
   *
   * <p>In a {@link JdbcUnitOfWork}, write before you read: a transaction that reads first and then
   * writes cannot take the write lock while another connection (the sweeper, a broker's
   * confirmations marking messages dispatched) is writing, and fails at once with {@code
   * SQLITE_BUSY} whatever the busy timeout. Fold the check into the write ({@code INSERT … SELECT …
   * WHERE}) or start the transaction with a write.
   */
  SQLITE("sqlite") {
    @Override
    void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
      statement.setString(index, SQLITE_TIME.format(clamp(instant)));
    }

    @Override
    @Nullable Instant getInstant(ResultSet row, String column) throws SQLException {
      String value = row.getString(column);
      return value == null ? null : Instant.parse(value);
    }

    @Override
    boolean claimsWithUpdateReturning() {
      return true;
    }

    @Override
    String lockSkippingLocked() {
      return "";
    }

    @Override
    void lockClaims(Connection connection, String table) {
      // SQLite has one writer at a time, and a claim is one statement
    }

    @Override
    void unlockClaims(Connection connection, String table) {}

    @Override
    boolean bindsIdsAsArray() {
      return false;
    }

    /** SQLite has no ADD COLUMN IF NOT EXISTS. */
    @Override
    boolean alreadyApplied(SQLException e) {
      return e.getMessage() != null && e.getMessage().contains("duplicate column name");
    }
  };

  /** The earliest instant every dialect stores (MySQL's {@code DATETIME} starts at year 1000). */
  static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");

  /** The latest instant every dialect stores. */
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private static final DateTimeFormatter SQLITE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final String resourceName;

  SqlDialect(String resourceName) {
    this.resourceName = resourceName;
  }

  /** How long a claim waits for another sweeper's claim to end, in seconds. */
  static final int CLAIM_LOCK_WAIT_SECONDS = 30;

  /** The versions of the schema, oldest first: each applies on top of the one before. */
  static final List<String> SCHEMA_VERSIONS = List.of("v1", "v2", "v3");

  /**
   * The classpath resource holding the DDL of {@code box} ("outbox" or "inbox") at {@code version}
   * of {@link #SCHEMA_VERSIONS}; a box may have no resource at a version.
   */
  String schemaResource(String box, String version) {
    return "/io/brighter/jdbc/schema/" + version + "/" + resourceName + "-" + box + ".sql";
  }

  /** The most ids an IN list holds in one statement. */
  static final int IN_LIST_LIMIT = 500;

  /**
   * Whether ids are bound as one array parameter ({@code MessageId = ANY (?)}, the same statement
   * for every count: PostgreSQL) rather than an IN list of up to {@link #IN_LIST_LIMIT}.
   */
  boolean bindsIdsAsArray() {
    return true;
  }

  /**
   * The condition that a row's {@code MessageId} is one of {@code count} ids ({@link #bindIds}).
   */
  final String messageIdAmong(int count) {
    return bindsIdsAsArray()
        ? "MessageId = ANY (?)"
        : "MessageId IN (" + Jdbc.placeholders(count) + ")";
  }

  /** Binds {@code ids} for {@link #messageIdAmong} from parameter {@code first}. */
  final void bindIds(PreparedStatement statement, int first, List<String> ids) throws SQLException {
    if (bindsIdsAsArray()) {
      statement.setArray(first, statement.getConnection().createArrayOf("varchar", ids.toArray()));
    } else {
      for (int i = 0; i < ids.size(); i++) {
        statement.setString(first + i, ids.get(i));
      }
    }
  }

  /** The most ids one statement of {@link #messageIdAmong} takes. */
  final int idsPerStatement() {
    return bindsIdsAsArray() ? 10_000 : IN_LIST_LIMIT;
  }

  /** The column that numbers rows in the order they were inserted. */
  String sequenceColumn() {
    return "Id";
  }

  /**
   * Makes the claims on {@code table} take turns: taken on {@code connection} before the claim's
   * transaction begins, so that the transaction reads what the claim before it committed (MySQL's
   * repeatable read would otherwise keep a view from before the wait), and given back by {@link
   * #unlockClaims} after it ends. A claim reads the leases of earlier messages of each partition
   * key, which another sweeper's claim in progress could be changing. PostgreSQL: a session-level
   * advisory lock.
   */
  void lockClaims(Connection connection, String table) throws SQLException {
    try (PreparedStatement lock =
        connection.prepareStatement("SELECT pg_advisory_lock(?, hashtext(?))")) {
      lock.setInt(1, CLAIM_LOCK_SPACE);
      lock.setString(2, table);
      lock.executeQuery().close();
    }
  }

  /** Gives back what {@link #lockClaims} took. */
  void unlockClaims(Connection connection, String table) throws SQLException {
    try (PreparedStatement unlock =
        connection.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
      unlock.setInt(1, CLAIM_LOCK_SPACE);
      unlock.setString(2, table);
      unlock.executeQuery().close();
    }
  }

  /** Whether {@code e}, from a statement of the schema, says its index or column exists already. */
  boolean alreadyApplied(SQLException e) {
    return false;
  }

  /** The first key of the advisory locks of claims: "Brig". */
  private static final int CLAIM_LOCK_SPACE = 0x42726967;

  private static String claimLockName(String table) {
    return "brighter.claims." + table;
  }

  /**
   * The clause that makes an insert of {@code columns} replace the row whose {@code keyColumn}
   * already exists: every column inserted, and the row outstanding and unclaimed again.
   */
  String replacingDuplicate(String keyColumn, List<String> columns) {
    StringBuilder update =
        new StringBuilder(" ON CONFLICT (").append(keyColumn).append(") DO UPDATE SET ");
    for (String column : columns) {
      update.append(column).append(" = excluded.").append(column).append(", ");
    }
    return update.append("Dispatched = NULL, LeasedUntil = NULL").toString();
  }

  /** The clause that makes an insert ignore a row whose key {@code keyColumns} already exists. */
  String ignoreDuplicate(String keyColumns) {
    return " ON CONFLICT (" + keyColumns + ") DO NOTHING";
  }

  /** Binds {@code instant}, clamped to what every dialect stores, as parameter {@code index}. */
  void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
    statement.setObject(index, OffsetDateTime.ofInstant(clamp(instant), ZoneOffset.UTC));
  }

  /** Reads the instant in {@code column} of the current row; null for SQL NULL. */
  @Nullable Instant getInstant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /**
   * Whether a claim is one {@code UPDATE … RETURNING} rather than select-for-update then update.
   */
  boolean claimsWithUpdateReturning() {
    return false;
  }

  /** The clause that locks the selected rows and skips rows other transactions have locked. */
  String lockSkippingLocked() {
    return " FOR UPDATE SKIP LOCKED";
  }

  /** {@code instant} within the range every dialect stores, to the microsecond. */
  static Instant clamp(Instant instant) {
    Instant within =
        instant.isBefore(EARLIEST) ? EARLIEST : instant.isAfter(LATEST) ? LATEST : instant;
    return within.truncatedTo(ChronoUnit.MICROS);
  }
}
