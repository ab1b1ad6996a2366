package io.brighter.samples.greetings;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.brighter.jdbc.SqlDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the sample keeps its tables. SQLite (the default) needs nothing running: each service gets
 * its own file. PostgreSQL and MariaDB use the loopback servers of the project's tests, database
 * {@code test}; {@code BRIGHTER_JDBC_POSTGRES_URL} / {@code BRIGHTER_JDBC_MARIADB_URL} (and {@code
 * _USER}, {@code _PASSWORD}) point elsewhere. DynamoDB is no relational database: its tables are
 * reached through {@link SampleDynamoDb}, and {@link #dialect()} and {@link #open} refuse it.
 */
public enum SampleDatabase {
  /** A file per service, WAL mode. */
  SQLITE(SqlDialect.SQLITE, ""),
  /** PostgreSQL on loopback. */
  POSTGRES(SqlDialect.POSTGRES, "jdbc:postgresql://127.0.0.1:5432/test"),
  /** MariaDB (or MySQL) on loopback. */
  MARIADB(SqlDialect.MYSQL, "jdbc:mariadb://127.0.0.1:3306/test"),
  /** DynamoDB, at the endpoint of {@link SampleOptions#dynamoDbEndpoint()}. */
  DYNAMODB(null, "");

  private final SqlDialect dialect;
  private final String defaultUrl;

  SampleDatabase(SqlDialect dialect, String defaultUrl) {
    this.dialect = dialect;
    this.defaultUrl = defaultUrl;
  }

  /** The outbox and inbox dialect. */
  public SqlDialect dialect() {
    requireRelational();
    return dialect;
  }

  /** A pool for the service named {@code service}. */
  public HikariDataSource open(String service, Path dataDir) {
    requireRelational();
    HikariConfig config = new HikariConfig();
    config.setPoolName(service);
    if (this == SQLITE) {
      try {
        Files.createDirectories(dataDir);
      } catch (java.io.IOException e) {
        throw new IllegalStateException("Cannot create " + dataDir, e);
      }
      config.setJdbcUrl("jdbc:sqlite:" + dataDir.resolve(service + ".db").toAbsolutePath());
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("busy_timeout", "10000");
      config.setMaximumPoolSize(4); // SQLite serialises the writers; the busy timeout waits
    } else {
      String prefix = "BRIGHTER_JDBC_" + name().toUpperCase(Locale.ROOT) + "_";
      config.setJdbcUrl(env(prefix + "URL", defaultUrl));
      config.setUsername(env(prefix + "USER", this == POSTGRES ? "postgres" : "root"));
      config.setPassword(env(prefix + "PASSWORD", ""));
      config.setMaximumPoolSize(4);
    }
    return new HikariDataSource(config);
  }

  private void requireRelational() {
    if (this == DYNAMODB) {
      throw new IllegalStateException("DynamoDB is not reached through JDBC");
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }
}
