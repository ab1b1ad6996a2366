package io.brighter.jdbc;

import static java.util.Objects.requireNonNull;

import io.brighter.internal.AfterCommitActions;
import io.brighter.outbox.BoxTransactionProvider;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * One JDBC transaction shared by the caller's business writes and the outbox: {@code depositPost}
 * with this unit of work writes its messages on {@link #connection()}, so both commit or neither
 * does.
 *
 * {@snippet :
 * JdbcUnitOfWork unitOfWork = new JdbcUnitOfWork(dataSource);
 * try {
 *   try (PreparedStatement insert = unitOfWork.connection().prepareStatement(
 *       "INSERT INTO greetings (id, name) VALUES (?, ?)")) {
 *     insert.setString(1, greeting.id());
 *     insert.setString(2, greeting.name());
 *     insert.executeUpdate();
 *   }
 *   commandProcessor.depositPost(new GreetingAdded(Id.random(), "Ada"), unitOfWork);
 *   unitOfWork.commit();
 * } catch (RuntimeException e) {
 *   unitOfWork.rollback();
 *   throw e;
 * }
 * }
 *
 * <p>Made on a {@link DataSource}, it takes a connection on first use, turns autocommit off, and
 * {@link #commit()} or {@link #rollback()} end the transaction and close (return) the connection;
 * the next use begins a new one. Made with {@link #joining(Connection)}, it uses a connection whose
 * transaction the caller already manages: commit and rollback then only end this unit of work,
 * leaving the connection, its transaction and its closing to the caller. Used by one thread at a
 * time. Failures are {@link JdbcStoreException}s.
 */
public final class JdbcUnitOfWork implements BoxTransactionProvider<Connection> {

  private final @Nullable DataSource dataSource;
  private final AfterCommitActions afterCommit = new AfterCommitActions();
  private @Nullable Connection open;
  private boolean joinedOpen;

  /** A unit of work that takes its connection from {@code dataSource} when first used. */
  public JdbcUnitOfWork(DataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "dataSource must not be null");
  }

  private JdbcUnitOfWork(Connection connection) {
    this.dataSource = null;
    this.open = connection;
    this.joinedOpen = true;
  }

  /**
   * A unit of work on {@code connection}, whose transaction the caller begins, commits or rolls
   * back and whose closing the caller manages; this unit of work never commits, rolls back or
   * closes it.
   */
  public static JdbcUnitOfWork joining(Connection connection) {
    return new JdbcUnitOfWork(requireNonNull(connection, "connection must not be null"));
  }

  /** The connection of the open transaction, begun on first use: the caller's writes go here. */
  public Connection connection() {
    return transaction();
  }

  @Override
  public Connection transaction() {
    Connection current = open;
    if (current != null) {
      return current;
    }
    if (dataSource == null) {
      throw new IllegalStateException(
          "This unit of work joined a caller's connection and has already ended");
    }
    try {
      Connection connection = dataSource.getConnection();
      try {
        connection.setAutoCommit(false);
      } catch (SQLException e) {
        closeQuietly(connection, e);
        throw e;
      }
      open = connection;
      return connection;
    } catch (SQLException e) {
      throw JdbcStoreException.failed("begin a unit of work", "-", e);
    }
  }

  @Override
  public void commit() {
    end(true);
  }

  @Override
  public void rollback() {
    end(false);
  }

  @Override
  public boolean hasOpenTransaction() {
    return open != null;
  }

  /**
   * Runs {@code action} after {@link #commit()} commits the open transaction; {@code false} (and
   * never runs it) when no transaction is open or this unit of work joined a caller's connection,
   * whose commit it cannot see.
   */
  @Override
  public boolean afterCommit(Runnable action) {
    if (open == null || joinedOpen) {
      return false;
    }
    afterCommit.add(action);
    return true;
  }

  private void end(boolean commit) {
    Connection ending = open;
    open = null;
    if (ending == null || joinedOpen) {
      joinedOpen = false;
      return;
    }
    try {
      if (commit) {
        ending.commit();
      } else {
        ending.rollback();
      }
    } catch (SQLException e) {
      afterCommit.rolledBack();
      if (commit) {
        Jdbc.rollbackQuietly(ending, e);
      }
      closeQuietly(ending, e);
      throw JdbcStoreException.failed(
          commit ? "commit a unit of work" : "roll back a unit of work", "-", e);
    }
    if (commit) {
      afterCommit.committed();
    } else {
      afterCommit.rolledBack();
    }
    try {
      ending.setAutoCommit(true);
      ending.close();
    } catch (SQLException e) {
      closeQuietly(ending, e);
      throw JdbcStoreException.failed("return the connection of a unit of work", "-", e);
    }
  }

  private static void closeQuietly(Connection connection, Exception cause) {
    try {
      connection.close();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
