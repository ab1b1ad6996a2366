package io.brighter.spring.boot;

import io.brighter.ConfigurationException;
import io.brighter.jdbc.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** The SQL dialect of the JDBC stores: the configured one, else the database's own. */
final class JdbcDialects {

  private JdbcDialects() {}

  /**
   * {@code configured} (postgres, mysql or sqlite) if set, else the dialect of {@code dataSource}.
   */
  static SqlDialect of(@Nullable String configured, DataSource dataSource) {
    if (configured != null && !configured.isBlank()) {
      return named(configured.strip().toLowerCase(Locale.ROOT), "brighter.outbox.dialect");
    }
    String product;
    try (Connection connection = dataSource.getConnection()) {
      product = connection.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new ConfigurationException(
          "Cannot tell the SQL dialect of the DataSource: set brighter.outbox.dialect", e);
    }
    return named(product.toLowerCase(Locale.ROOT), "the database product name");
  }

  private static SqlDialect named(String name, String source) {
    if (name.contains("postgres")) {
      return SqlDialect.POSTGRES;
    }
    if (name.contains("mysql") || name.contains("mariadb")) {
      return SqlDialect.MYSQL;
    }
    if (name.contains("sqlite")) {
      return SqlDialect.SQLITE;
    }
    throw new ConfigurationException(
        "No Brighter SQL dialect for '"
            + name
            + "' ("
            + source
            + "): brighter.outbox.dialect takes postgres, mysql or sqlite");
  }
}
