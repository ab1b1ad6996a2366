package io.brighter.jdbc;

import java.io.Serial;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * A JDBC outbox or inbox could not do its work: the database refused a statement or could not be
 * reached. Wraps the driver's {@link SQLException} and says which operation on which table failed;
 * {@link #duplicateKey()} reads the unique-violation signal the same way on every driver (SQLState
 * class 23, MySQL/MariaDB error 1062, SQLite result code 19 with no SQLState).
 *
 * {@snippet :
 * try {
 *   outbox.add(message, new RequestContext(), null);
 * } catch (JdbcStoreException e) {
 *   log.warn("outbox write failed on {}: {}", e.table(), e.getMessage());
 * }
 * }
 */
public final class JdbcStoreException extends RuntimeException {

  @Serial private static final long serialVersionUID = 1L;

  private final String table;
  private final @Nullable String sqlState;
  private final int vendorCode;

  private JdbcStoreException(String message, String table, SQLException cause) {
    super(message, cause);
    this.table = table;
    this.sqlState = cause.getSQLState();
    this.vendorCode = cause.getErrorCode();
  }

  /** The failure of {@code operation} (e.g. "add to the outbox") on {@code table}. */
  public static JdbcStoreException failed(String operation, String table, SQLException cause) {
    return new JdbcStoreException(
        "Could not "
            + operation
            + " (table "
            + table
            + ", SQLState "
            + cause.getSQLState()
            + ", code "
            + cause.getErrorCode()
            + "): "
            + cause.getMessage(),
        table,
        cause);
  }

  /** The table the failed statement used. */
  public String table() {
    return table;
  }

  /** The driver's SQLState, which some drivers (SQLite) leave out. */
  public @Nullable String sqlState() {
    return sqlState;
  }

  /** The driver's vendor error code. */
  public int vendorCode() {
    return vendorCode;
  }

  /** Whether the database refused a row because its key already exists. */
  public boolean duplicateKey() {
    return (sqlState != null && sqlState.startsWith("23") && !"23502".equals(sqlState))
        || vendorCode == 1062
        || (sqlState == null && vendorCode == 19);
  }
}
