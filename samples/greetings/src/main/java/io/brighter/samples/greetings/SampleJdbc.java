package io.brighter.samples.greetings;

import io.brighter.Id;
import io.brighter.jdbc.JdbcUnitOfWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The JDBC chores both services' relational stores share. */
public final class SampleJdbc {

  /** Writes on a unit of work's connection; returns what it deposited. */
  @FunctionalInterface
  public interface Work {
    /** Writes through {@code unitOfWork}, uncommitted. */
    Id write(JdbcUnitOfWork unitOfWork) throws SQLException;
  }

  private SampleJdbc() {}

  /**
   * Runs {@code work} in one new {@link JdbcUnitOfWork} of {@code dataSource} and commits it, or
   * rolls it back and rethrows (an {@link SQLException} as an {@link IllegalStateException} saying
   * it could not {@code what}).
   */
  public static Id inTransaction(DataSource dataSource, String what, Work work) {
    JdbcUnitOfWork unitOfWork = new JdbcUnitOfWork(dataSource);
    try {
      Id deposited = work.write(unitOfWork);
      unitOfWork.commit();
      return deposited;
    } catch (SQLException e) {
      unitOfWork.rollback();
      throw new IllegalStateException("Could not " + what + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      unitOfWork.rollback();
      throw e;
    }
  }

  /** Runs each {@code CREATE TABLE IF NOT EXISTS} of {@code ddl}. */
  public static void createTables(DataSource dataSource, String... ddl) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : ddl) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create the tables", e);
    }
  }
}
