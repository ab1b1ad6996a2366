package io.brighter.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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
   * MySQL 8 and MariaDB 10.6 or newer: claims with {@code FOR UPDATE SKIP LOCKED}; instants are UTC
   * in {@code DATETIME(6)} columns.
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

  /** The classpath resource holding the DDL of {@code box} ("outbox" or "inbox"). */
  String schemaResource(String box) {
    return "/io/brighter/jdbc/schema/v1/" + resourceName + "-" + box + ".sql";
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
